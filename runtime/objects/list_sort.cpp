// list.sort: a stable natural merge sort in the spirit of timsort.
//
// The input is cut into natural runs (strictly descending runs are
// reversed in place), short runs are extended to `minrun` by binary
// insertion sort, and runs are merged on a stack with timsort's balance
// invariants, so presorted or partly sorted data costs close to n
// comparisons. Merges trim the parts already in place with binary searches
// and copy only the shorter run to scratch space. (Timsort's galloping mode
// is left out.)
//
// Like CPython, the list is emptied while it is being sorted, so a key or
// comparison function that mutates it is detected ("list modified during
// sort") instead of corrupting memory, and the sort is specialised when all
// keys are small ints, exact strs or exact floats: then no Python code can
// run and comparisons are inlined.
//
// Everything the sort holds lives in temporary List objects that are rooted,
// so a collection triggered by a key function or __lt__ sees every value.
#include <algorithm>
#include <cstring>

#include "objects/containers.h"

namespace pg {

namespace {

struct IntLess {
  static int lt(Value a, Value b) { return a.small_value() < b.small_value(); }
};
struct StrLess {
  static int lt(Value a, Value b) { return str_compare(a.as<Str>(), b.as<Str>()) < 0; }
};
struct FloatLess {
  static int lt(Value a, Value b) { return a.as<Float>()->value < b.as<Float>()->value; }
};
struct GenericLess {
  static int lt(Value a, Value b) { return obj_compare_bool(a, b, CompareOp::Lt); }
};

// Scratch list with `n` null slots (null values are skipped by tracing).
// Entries left behind after a merge are copies of values that are in the
// main array again, so they need no clearing.
List* scratch(int64_t n) {
  List* l = list_with_capacity(n);
  std::fill_n(l->items, n, Value());
  l->size = n;
  return l;
}

template <class Less>
class Sorter {
 public:
  // keys[i] orders values[i]; values is null when the keys are the values.
  Sorter(Value* keys, Value* values, int64_t n, Value* tmp_keys, Value* tmp_values)
      : keys_(keys), values_(values), n_(n), tk_(tmp_keys), tv_(tmp_values) {}

  // 0 on success, -1 if a comparison raised (the arrays then still hold a
  // permutation of the input).
  int sort() {
    if (n_ < 2) return 0;
    int64_t minrun = compute_minrun(n_);
    int64_t lo = 0;
    while (lo < n_) {
      int64_t run = count_run(lo);
      if (run < 0) return -1;
      if (run < minrun) {
        int64_t force = n_ - lo < minrun ? n_ - lo : minrun;
        if (binary_insertion(lo, lo + force, lo + run) < 0) return -1;
        run = force;
      }
      stack_[depth_++] = {lo, run};
      if (merge_collapse() < 0) return -1;
      lo += run;
    }
    while (depth_ > 1) {
      int64_t i = depth_ - 2;
      if (i > 0 && stack_[i - 1].len < stack_[i + 1].len) i--;
      if (merge_at(i) < 0) return -1;
    }
    return 0;
  }

 private:
  struct Run {
    int64_t start, len;
  };

  static int64_t compute_minrun(int64_t n) {
    int64_t extra = 0;
    while (n >= 64) {
      extra |= n & 1;
      n >>= 1;
    }
    return n + extra;
  }

  void swap_items(int64_t i, int64_t j) {
    std::swap(keys_[i], keys_[j]);
    if (values_) std::swap(values_[i], values_[j]);
  }

  // Length of the natural run at lo; a strictly descending run is reversed.
  int64_t count_run(int64_t lo) {
    if (lo + 1 >= n_) return 1;
    int64_t hi = lo + 1;
    int k = Less::lt(keys_[hi], keys_[lo]);
    if (k < 0) return -1;
    if (k) {
      for (hi++; hi < n_; hi++) {
        k = Less::lt(keys_[hi], keys_[hi - 1]);
        if (k < 0) return -1;
        if (!k) break;
      }
      for (int64_t i = lo, j = hi - 1; i < j; i++, j--) swap_items(i, j);
    } else {
      for (hi++; hi < n_; hi++) {
        k = Less::lt(keys_[hi], keys_[hi - 1]);
        if (k < 0) return -1;
        if (k) break;
      }
    }
    return hi - lo;
  }

  // Sorts [lo, hi) given that [lo, start) is sorted. Stable: each item goes
  // after the equal items before it.
  int binary_insertion(int64_t lo, int64_t hi, int64_t start) {
    for (int64_t i = start; i < hi; i++) {
      Value pivot = keys_[i];
      int64_t l = lo, r = i;
      while (l < r) {
        int64_t mid = l + (r - l) / 2;
        int k = Less::lt(pivot, keys_[mid]);
        if (k < 0) return -1;
        if (k) r = mid;
        else l = mid + 1;
      }
      if (l == i) continue;
      memmove(keys_ + l + 1, keys_ + l, size_t(i - l) * sizeof(Value));
      keys_[l] = pivot;
      if (values_) {
        Value v = values_[i];
        memmove(values_ + l + 1, values_ + l, size_t(i - l) * sizeof(Value));
        values_[l] = v;
      }
    }
    return 0;
  }

  // Timsort's invariants on the run stack (with the 2015 correction that
  // also checks the fourth run from the top).
  int merge_collapse() {
    while (depth_ > 1) {
      int64_t n = depth_ - 2;
      if ((n > 0 && stack_[n - 1].len <= stack_[n].len + stack_[n + 1].len) ||
          (n > 1 && stack_[n - 2].len <= stack_[n - 1].len + stack_[n].len)) {
        if (stack_[n - 1].len < stack_[n + 1].len) n--;
      } else if (stack_[n].len > stack_[n + 1].len) {
        break;
      }
      if (merge_at(n) < 0) return -1;
    }
    return 0;
  }

  // Number of items in keys[start, start+len) that are <= key (upper bound).
  int64_t upper_bound(Value key, int64_t start, int64_t len, int* err) {
    int64_t l = 0, r = len;
    while (l < r) {
      int64_t mid = l + (r - l) / 2;
      int k = Less::lt(key, keys_[start + mid]);
      if (k < 0) return *err = -1, 0;
      if (k) r = mid;
      else l = mid + 1;
    }
    return l;
  }

  // Number of items in keys[start, start+len) that are < key (lower bound).
  int64_t lower_bound(Value key, int64_t start, int64_t len, int* err) {
    int64_t l = 0, r = len;
    while (l < r) {
      int64_t mid = l + (r - l) / 2;
      int k = Less::lt(keys_[start + mid], key);
      if (k < 0) return *err = -1, 0;
      if (k) l = mid + 1;
      else r = mid;
    }
    return l;
  }

  // Merges runs i and i+1 of the stack.
  int merge_at(int64_t i) {
    Run a = stack_[i], b = stack_[i + 1];
    stack_[i].len = a.len + b.len;
    for (int64_t k = i + 1; k + 1 < depth_; k++) stack_[k] = stack_[k + 1];
    depth_--;
    int err = 0;
    // Items of a that are <= b's first item are already in place.
    int64_t skip = upper_bound(keys_[b.start], a.start, a.len, &err);
    if (err) return -1;
    a.start += skip;
    a.len -= skip;
    if (a.len == 0) return 0;
    // Items of b that are >= a's last item are already in place.
    b.len = lower_bound(keys_[a.start + a.len - 1], b.start, b.len, &err);
    if (err) return -1;
    if (b.len == 0) return 0;
    return a.len <= b.len ? merge_lo(a, b) : merge_hi(a, b);
  }

  void copy_out(Value* dk, Value* dv, int64_t dst, int64_t src, int64_t n) {
    memcpy(dk + dst, keys_ + src, size_t(n) * sizeof(Value));
    if (values_) memcpy(dv + dst, values_ + src, size_t(n) * sizeof(Value));
  }

  // a is the shorter run: copy it out and merge front to back.
  int merge_lo(Run a, Run b) {
    copy_out(tk_, tv_, 0, a.start, a.len);
    int64_t i = 0, j = b.start, dest = a.start, b_end = b.start + b.len;
    int result = 0;
    while (i < a.len && j < b_end) {
      int k = Less::lt(keys_[j], tk_[i]);
      if (k < 0) {
        result = -1;
        break;
      }
      if (k) {
        keys_[dest] = keys_[j];
        if (values_) values_[dest] = values_[j];
        j++;
      } else {
        keys_[dest] = tk_[i];
        if (values_) values_[dest] = tv_[i];
        i++;
      }
      dest++;
    }
    // What is left of a fills exactly the gap before b's remaining items.
    memcpy(keys_ + dest, tk_ + i, size_t(a.len - i) * sizeof(Value));
    if (values_) memcpy(values_ + dest, tv_ + i, size_t(a.len - i) * sizeof(Value));
    return result;
  }

  // b is the shorter run: copy it out and merge back to front.
  int merge_hi(Run a, Run b) {
    copy_out(tk_, tv_, 0, b.start, b.len);
    int64_t i = a.start + a.len - 1, j = b.len - 1, dest = b.start + b.len - 1;
    int result = 0;
    while (i >= a.start && j >= 0) {
      int k = Less::lt(tk_[j], keys_[i]);
      if (k < 0) {
        result = -1;
        break;
      }
      if (k) {
        keys_[dest] = keys_[i];
        if (values_) values_[dest] = values_[i];
        i--;
      } else {
        keys_[dest] = tk_[j];
        if (values_) values_[dest] = tv_[j];
        j--;
      }
      dest--;
    }
    memcpy(keys_ + dest - j, tk_, size_t(j + 1) * sizeof(Value));
    if (values_) memcpy(values_ + dest - j, tv_, size_t(j + 1) * sizeof(Value));
    return result;
  }

  Value* keys_;
  Value* values_;
  int64_t n_;
  Value* tk_;
  Value* tv_;
  Run stack_[128];  // run lengths grow at least like Fibonacci: 128 is plenty
  int64_t depth_ = 0;
};

enum class KeyKind { Int, Str, Float, Generic };

KeyKind classify(const Value* keys, int64_t n) {
  if (n == 0) return KeyKind::Generic;
  Value first = keys[0];
  if (first.is_small()) {
    for (int64_t i = 1; i < n; i++)
      if (!keys[i].is_small()) return KeyKind::Generic;
    return KeyKind::Int;
  }
  Type* t = first.obj()->type;
  if (t != &StrType && t != &FloatType) return KeyKind::Generic;
  for (int64_t i = 1; i < n; i++)
    if (!keys[i].is_obj() || keys[i].obj()->type != t) return KeyKind::Generic;
  return t == &StrType ? KeyKind::Str : KeyKind::Float;
}

template <class Less>
int run_sort(Value* keys, Value* values, int64_t n, Value* tk, Value* tv) {
  Sorter<Less> sorter(keys, values, n, tk, tv);
  return sorter.sort();
}

void reverse_array(Value* a, int64_t n) {
  for (int64_t i = 0, j = n - 1; i < j; i++, j--) std::swap(a[i], a[j]);
}

}  // namespace

int list_sort(List* l, Value key, bool reverse) {
  // Take the items out: the list is empty while it is being sorted.
  Value self = Value(l);
  Rooted keep_self(&self);
  Value held = Value(list_with_capacity(0));
  Rooted keep_held(&held);
  List* values = held.as<List>();
  std::swap(values->items, l->items);
  std::swap(values->size, l->size);
  std::swap(values->capacity, l->capacity);
  int64_t n = values->size;

  Value keys_list;
  Rooted keep_keys(&keys_list);
  int result = 0;
  if (!key.is_null() && n > 0) {
    keys_list = Value(scratch(n));
    for (int64_t i = 0; i < n; i++) {
      Value k = call1(key, values->items[i]);
      if (k.is_null()) {
        result = -1;
        break;
      }
      keys_list.as<List>()->items[i] = k;
    }
  }
  if (result == 0 && n > 1) {
    Value* keys = keys_list.is_null() ? values->items : keys_list.as<List>()->items;
    Value* vals = keys_list.is_null() ? nullptr : values->items;
    if (reverse) {  // reversing before and after keeps equal items in order
      reverse_array(keys, n);
      if (vals) reverse_array(vals, n);
    }
    Value tmp_keys = Value(scratch(n / 2 + 1));
    Rooted keep_tk(&tmp_keys);
    Value tmp_values = Value(scratch(vals ? n / 2 + 1 : 0));
    Rooted keep_tv(&tmp_values);
    Value* tk = tmp_keys.as<List>()->items;
    Value* tv = tmp_values.as<List>()->items;
    switch (classify(keys, n)) {
      case KeyKind::Int: result = run_sort<IntLess>(keys, vals, n, tk, tv); break;
      case KeyKind::Str: result = run_sort<StrLess>(keys, vals, n, tk, tv); break;
      case KeyKind::Float: result = run_sort<FloatLess>(keys, vals, n, tk, tv); break;
      case KeyKind::Generic: result = run_sort<GenericLess>(keys, vals, n, tk, tv); break;
    }
    if (reverse) {
      reverse_array(keys, n);
      if (vals) reverse_array(vals, n);
    }
  }
  // Put the items back; anything added to the list meanwhile is dropped.
  bool modified = l->size != 0 || l->items != nullptr;
  list_clear(l);
  std::swap(values->items, l->items);
  std::swap(values->size, l->size);
  std::swap(values->capacity, l->capacity);
  if (modified && result == 0) {
    raise(&ValueErrorType, "list modified during sort");
    result = -1;
  }
  return result;
}

Value list_sorted(Value iterable, Value key, bool reverse) {
  Value result = list_from_iterable(iterable);
  if (result.is_null()) return Value();
  Rooted keep(&result);
  if (list_sort(result.as<List>(), key, reverse) < 0) return Value();
  return result;
}

}  // namespace pg
