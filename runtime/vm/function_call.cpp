// Argument binding and the unpacking instructions (see function_call.h).
#include "vm/function_call.h"

#include <string>
#include <vector>

#include "objects/containers.h"
#include "objects/type.h"

namespace pg {

namespace {

const char* plural(int64_t n) { return n == 1 ? "" : "s"; }

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (CPython's format_missing).
std::string quoted_list(const std::vector<Str*>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'";
    out += str_view(names[i]);
    out += "'";
  }
  return out;
}

// Parameter slot of keyword `key` among the parameters that may be passed
// by keyword ([posonly, argcount + kwonly)), or -1.
int64_t keyword_slot(Code* code, Str* key) {
  Value* names = tuple_items(code->localsplusnames);
  int64_t end = int64_t(code->argcount) + code->kwonlyargcount;
  for (int64_t p = code->posonlyargcount; p < end; ++p)
    if (names[p].as<Str>() == key) return p;
  for (int64_t p = code->posonlyargcount; p < end; ++p)
    if (str_equal(names[p].as<Str>(), key)) return p;
  return -1;
}

// Without **kwargs, a positional-only parameter passed by keyword is an
// error that names all such parameters.
bool report_posonly_as_keyword(Code* code, const char* fname, Tuple* kwnames) {
  Value* names = tuple_items(code->localsplusnames);
  std::string list;
  for (int64_t p = 0; p < code->posonlyargcount; ++p) {
    for (int64_t k = 0; k < tuple_size(kwnames); ++k) {
      if (!str_equal(names[p].as<Str>(), tuple_items(kwnames)[k].as<Str>())) continue;
      if (!list.empty()) list += ", ";
      list += str_view(names[p].as<Str>());
      break;
    }
  }
  if (list.empty()) return false;
  raise(&TypeErrorType, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
        fname, list.c_str());
  return true;
}

void report_too_many_positional(Function* fn, const Value* locals, size_t given) {
  Code* code = fn->code;
  int64_t argcount = code->argcount;
  int64_t ndefaults = fn->defaults ? tuple_size(fn->defaults) : 0;
  int64_t kwonly_given = 0;
  for (int64_t p = argcount; p < argcount + code->kwonlyargcount; ++p)
    if (!locals[p].is_null()) ++kwonly_given;
  std::string sig;
  bool plural_s;
  if (ndefaults) {
    sig = "from " + std::to_string(argcount - ndefaults) + " to " + std::to_string(argcount);
    plural_s = true;
  } else {
    sig = std::to_string(argcount);
    plural_s = argcount != 1;
  }
  std::string kwonly_sig;
  if (kwonly_given) {
    kwonly_sig = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                 std::to_string(kwonly_given) + " keyword-only argument" + plural(kwonly_given) + ")";
  }
  raise(&TypeErrorType, "%s() takes %s positional argument%s but %zu%s %s given",
        str_cstr(fn->qualname), sig.c_str(), plural_s ? "s" : "", given, kwonly_sig.c_str(),
        given == 1 && !kwonly_given ? "was" : "were");
}

bool is_iterable(Value v) {
  Type* t = type_of(v);
  return t->iter != nullptr || (t->getitem != nullptr && !is_subtype(t, &DictType));
}

// Copies the items of `mapping` into `dict`. mode 0: later keys win;
// mode 2: a key already present is an error (reported by the caller as
// KeyError(key)). A non-mapping raises AttributeError (no `keys`).
int merge_mapping(Dict* dict, Value mapping, int mode) {
  if (type_of(mapping) == &DictType) {
    Dict* src = mapping.as<Dict>();
    int64_t pos = 0;
    Value key, value;
    while (dict_next(src, &pos, &key, &value)) {
      if (mode == 2) {
        Value old = dict_get(dict, key);
        if (!old.is_null()) {
          raise_exception(call1(Value(&KeyErrorType), key));
          return -1;
        }
        if (error_occurred()) return -1;
      }
      if (dict_set(dict, key, value) < 0) return -1;
    }
    return 0;
  }
  Value keys_fn = obj_getattr_cstr(mapping, "keys");
  if (keys_fn.is_null()) return -1;
  Rooted keep_fn(&keys_fn);
  Value keys = call(keys_fn, nullptr, 0);
  if (keys.is_null()) return -1;
  Rooted keep_keys(&keys);
  Value it = obj_iter(keys);
  if (it.is_null()) return -1;
  Rooted keep_it(&it);
  for (;;) {
    Value key = iter_next(it);
    if (key.is_null()) return error_occurred() ? -1 : 0;
    Rooted keep_key(&key);
    if (mode == 2) {
      Value old = dict_get(dict, key);
      if (!old.is_null()) {
        raise_exception(call1(Value(&KeyErrorType), key));
        return -1;
      }
      if (error_occurred()) return -1;
    }
    Value value = obj_getitem(mapping, key);
    if (value.is_null()) return -1;
    Rooted keep_value(&value);  // dict_set may run the key's __hash__/__eq__
    if (dict_set(dict, key, value) < 0) return -1;
  }
}

Value raise_not_a_call_mapping(Value callable, Value mapping) {
  return raise(&TypeErrorType, "%s argument after ** must be a mapping, not %s",
               callable_display_name(callable).c_str(), type_name(mapping));
}

}  // namespace

std::string callable_display_name(Value callable) {
  std::string out;
  Value qualname = obj_getattr_cstr(callable, "__qualname__");
  if (qualname.is_null() || !is_str(qualname)) {
    // No __qualname__ (a callable instance): CPython uses str(callable).
    error_clear();
    Value text = obj_str(callable);
    if (text.is_null() || !is_str(text)) {
      error_clear();
      return std::string(type_name(callable)) + " object";
    }
    return std::string(str_view(text.as<Str>()));
  }
  Rooted keep(&qualname);
  Value module = obj_getattr_cstr(callable, "__module__");
  if (module.is_null()) error_clear();
  else if (is_str(module) && str_view(module.as<Str>()) != "builtins")
    out = std::string(str_view(module.as<Str>())) + ".";
  out += str_view(qualname.as<Str>());
  out += "()";
  return out;
}

// Everything but the common case below: keywords, *args, **kwargs,
// keyword-only parameters, and every error.
static bool bind_general(Function* fn, Value* locals, const Value* args, size_t nargs,
                         Tuple* kwnames);

bool bind_frame_arguments(Function* fn, Value* locals, const Value* args, size_t nargs,
                          Tuple* kwnames) {
  // The common case after the eval loop's own copy: positional arguments
  // only, the rest from the defaults (`h(a)` for `def h(a, scale=3)`).
  Code* code = fn->code;
  int64_t argcount = code->argcount;
  if (!kwnames && !(code->flags & kCodeComplexArgs) && int64_t(nargs) <= argcount) {
    Tuple* defaults = fn->defaults;
    int64_t first_default = argcount - (defaults ? defaults->size : 0);
    if (int64_t(nargs) >= first_default) {
      for (size_t i = 0; i < nargs; ++i) locals[i] = args[i];
      for (int64_t p = int64_t(nargs); p < argcount; ++p) locals[p] = defaults->items[p - first_default];
      return true;
    }
  }
  return bind_general(fn, locals, args, nargs, kwnames);
}

static bool bind_general(Function* fn, Value* locals, const Value* args, size_t nargs,
                         Tuple* kwnames) {
  Code* code = fn->code;
  int64_t argcount = code->argcount;
  int64_t total = argcount + code->kwonlyargcount;
  bool varargs = code->flags & kCodeVarargs;
  const char* fname = str_cstr(fn->qualname);
  Dict* kwdict = nullptr;
  if (code->flags & kCodeVarKeywords) {
    kwdict = dict_new();
    locals[total + (varargs ? 1 : 0)] = Value(kwdict);
  }
  size_t npos = nargs < size_t(argcount) ? nargs : size_t(argcount);
  for (size_t i = 0; i < npos; ++i) locals[i] = args[i];
  if (varargs) {
    locals[total] = nargs > npos ? Value(tuple_from_array(args + npos, int64_t(nargs - npos)))
                                 : Value(tuple_empty());
  }
  if (kwnames) {
    int64_t nkw = tuple_size(kwnames);
    for (int64_t k = 0; k < nkw; ++k) {
      Str* key = tuple_items(kwnames)[k].as<Str>();
      int64_t slot = keyword_slot(code, key);
      if (slot < 0) {
        if (kwdict) {
          if (dict_set(kwdict, Value(key), args[nargs + size_t(k)]) < 0) return false;
          continue;
        }
        if (report_posonly_as_keyword(code, fname, kwnames)) return false;
        raise(&TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, str_cstr(key));
        return false;
      }
      if (!locals[slot].is_null()) {
        raise(&TypeErrorType, "%s() got multiple values for argument '%s'", fname, str_cstr(key));
        return false;
      }
      locals[slot] = args[nargs + size_t(k)];
    }
  }
  if (nargs > size_t(argcount) && !varargs) {
    report_too_many_positional(fn, locals, nargs);
    return false;
  }
  Value* names = tuple_items(code->localsplusnames);
  // Defaults of positional parameters, then what is still missing (CPython
  // lists every missing name).
  int64_t ndefaults = fn->defaults ? tuple_size(fn->defaults) : 0;
  int64_t first_default = argcount - ndefaults;
  if (int64_t(nargs) < argcount) {
    std::vector<Str*> missing;
    for (int64_t p = int64_t(nargs); p < first_default; ++p)
      if (locals[p].is_null()) missing.push_back(names[p].as<Str>());
    if (!missing.empty()) {
      raise(&TypeErrorType, "%s() missing %zu required positional argument%s: %s", fname,
            missing.size(), plural(int64_t(missing.size())), quoted_list(missing).c_str());
      return false;
    }
    for (int64_t p = first_default < 0 ? 0 : first_default; p < argcount; ++p)
      if (locals[p].is_null()) locals[p] = tuple_items(fn->defaults)[p - first_default];
  }
  if (code->kwonlyargcount > 0) {
    std::vector<Str*> missing;
    for (int64_t p = argcount; p < total; ++p) {
      if (!locals[p].is_null()) continue;
      if (fn->kwdefaults) {
        Value d = dict_get_str(fn->kwdefaults, names[p].as<Str>());
        if (!d.is_null()) {
          locals[p] = d;
          continue;
        }
      }
      missing.push_back(names[p].as<Str>());
    }
    if (!missing.empty()) {
      raise(&TypeErrorType, "%s() missing %zu required keyword-only argument%s: %s", fname,
            missing.size(), plural(int64_t(missing.size())), quoted_list(missing).c_str());
      return false;
    }
  }
  return true;
}

bool normalize_call_ex(Value callable, Value* args, Value* kwargs) {
  if (type_of(*args) != &TupleType) {
    if (!is_iterable(*args)) {
      raise(&TypeErrorType, "%s argument after * must be an iterable, not %s",
            callable_display_name(callable).c_str(), type_name(*args));
      return false;
    }
    Value t = tuple_from_iterable(*args);
    if (t.is_null()) return false;
    *args = t;
  }
  if (kwargs && type_of(*kwargs) != &DictType) {
    Value copy = Value(dict_new());
    Rooted keep_copy(&copy);
    if (merge_mapping(copy.as<Dict>(), *kwargs, 0) < 0) {
      if (error_matches(&AttributeErrorType)) {
        error_clear();
        raise_not_a_call_mapping(callable, *kwargs);
      }
      return false;
    }
    *kwargs = copy;
  }
  return true;
}

Value call_function_ex(Value callable, Value args, Value kwargs) {
  Rooted keep_args(&args);
  Rooted keep_kwargs(&kwargs);
  if (!normalize_call_ex(callable, &args, kwargs.is_null() ? nullptr : &kwargs)) return Value();
  Tuple* posargs = args.as<Tuple>();
  int64_t npos = tuple_size(posargs);
  int64_t nkw = kwargs.is_null() ? 0 : dict_size(kwargs.as<Dict>());
  if (nkw == 0) return call(callable, tuple_items(posargs), size_t(npos), nullptr);
  // Flatten: positional values, then keyword values named by a tuple.
  std::vector<Value> flat(size_t(npos + nkw));
  for (int64_t i = 0; i < npos; ++i) flat[size_t(i)] = tuple_items(posargs)[i];
  Value names = Value(tuple_new(nkw));
  Rooted keep_names(&names);
  int64_t pos = 0, k = 0;
  Value key, value;
  while (dict_next(kwargs.as<Dict>(), &pos, &key, &value)) {
    if (!is_str(key)) return raise(&TypeErrorType, "keywords must be strings");
    tuple_items(names.as<Tuple>())[k] = key;
    flat[size_t(npos + k)] = value;
    ++k;
  }
  return call(callable, flat.data(), size_t(npos), names.as<Tuple>());
}

int list_extend_unpack(List* list, Value iterable) {
  if (!is_iterable(iterable)) {
    raise(&TypeErrorType, "Value after * must be an iterable, not %s", type_name(iterable));
    return -1;
  }
  return list_extend(list, iterable);
}

int dict_update_unpack(Dict* dict, Value mapping) {
  if (merge_mapping(dict, mapping, 0) == 0) return 0;
  if (error_matches(&AttributeErrorType)) {
    error_clear();
    raise(&TypeErrorType, "'%s' object is not a mapping", type_name(mapping));
  }
  return -1;
}

int dict_merge_unpack(Value callable, Dict* dict, Value mapping) {
  if (merge_mapping(dict, mapping, 2) == 0) return 0;
  if (error_matches(&AttributeErrorType)) {
    error_clear();
    raise_not_a_call_mapping(callable, mapping);
  } else if (error_matches(&KeyErrorType)) {
    Value exc = error_fetch();
    Rooted keep(&exc);
    Value key = obj_getattr_cstr(exc, "args");
    if (!key.is_null() && type_of(key) == &TupleType && tuple_size(key.as<Tuple>()) == 1 &&
        is_str(tuple_items(key.as<Tuple>())[0])) {
      raise(&TypeErrorType, "%s got multiple values for keyword argument '%s'",
            callable_display_name(callable).c_str(),
            str_cstr(tuple_items(key.as<Tuple>())[0].as<Str>()));
    } else {
      raise_exception(exc);
    }
  }
  return -1;
}

bool unpack_starred(Value seq, uint32_t before, uint32_t after, Value* out) {
  if (!is_iterable(seq)) {
    raise(&TypeErrorType, "cannot unpack non-iterable %s object", type_name(seq));
    return false;
  }
  Value items = list_from_iterable(seq);
  if (items.is_null()) return false;
  List* l = items.as<List>();
  int64_t n = list_size(l);
  int64_t need = int64_t(before) + after;
  if (n < need) {
    raise(&ValueErrorType, "not enough values to unpack (expected at least %lld, got %lld)",
          (long long)need, (long long)n);
    return false;
  }
  Value* src = list_items(l);
  for (uint32_t i = 0; i < before; ++i) out[i] = src[i];
  for (uint32_t i = 0; i < after; ++i) out[before + 1 + i] = src[n - after + i];
  // The middle stays in the list object: move the tail down and shrink.
  int64_t middle = n - need;
  for (int64_t i = 0; i < middle; ++i) src[i] = src[before + i];
  l->size = middle;
  out[before] = items;
  return true;
}

}  // namespace pg
