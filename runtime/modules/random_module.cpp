// The `_random` module: the Mersenne Twister generator behind `random`
// (runtime/lib/random.py builds every distribution on it, as CPython's
// random.py does on its C `_random`).
//
// Bit-for-bit CPython: MT19937 seeded by init_by_array with the absolute
// value of an int seed split into 32-bit words (least significant first);
// random() takes 27 + 26 bits of two outputs; getrandbits(k) fills 32-bit
// words from the least significant end. A str seed is turned into the int
// CPython's version-2 seeding uses: its UTF-8 bytes followed by their
// SHA-512 digest, read big-endian.
#include <gmp.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

#include <unistd.h>

#include "modules/sha512.h"
#include "modules/std_util.h"
#include "objects/int_internal.h"
#include "objects/layouts.h"
#include "objects/type.h"

namespace pg {

extern Type MTType;

namespace {

constexpr int kN = 624;
constexpr int kM = 397;

// An instance of _random.Random (or of a Python subclass, whose dict
// pointer follows this layout).
//   state : the 624 words of MT state; always valid after construction.
//   index : the next word to temper, 0..624 (624 = regenerate first).
struct MTObject : Object {
  uint32_t state[kN];
  int32_t index;
};

void init_genrand(MTObject* mt, uint32_t seed) {
  mt->state[0] = seed;
  for (int i = 1; i < kN; ++i) {
    uint32_t prev = mt->state[i - 1];
    mt->state[i] = 1812433253u * (prev ^ (prev >> 30)) + uint32_t(i);
  }
  mt->index = kN;
}

void init_by_array(MTObject* mt, const uint32_t* key, size_t key_length) {
  uint32_t* s = mt->state;
  init_genrand(mt, 19650218u);
  size_t i = 1, j = 0;
  for (size_t k = kN > key_length ? kN : key_length; k; --k) {
    s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >> 30)) * 1664525u)) + key[j] + uint32_t(j);
    ++i;
    ++j;
    if (i >= kN) {
      s[0] = s[kN - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (size_t k = kN - 1; k; --k) {
    s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >> 30)) * 1566083941u)) - uint32_t(i);
    ++i;
    if (i >= kN) {
      s[0] = s[kN - 1];
      i = 1;
    }
  }
  s[0] = 0x80000000u;  // the state is never all zeros
}

uint32_t next_word(MTObject* mt) {
  uint32_t* s = mt->state;
  if (mt->index >= kN) {
    auto twist = [](uint32_t upper, uint32_t lower, uint32_t far) {
      uint32_t y = (upper & 0x80000000u) | (lower & 0x7fffffffu);
      return far ^ (y >> 1) ^ ((y & 1) ? 0x9908b0dfu : 0u);
    };
    int k = 0;
    for (; k < kN - kM; ++k) s[k] = twist(s[k], s[k + 1], s[k + kM]);
    for (; k < kN - 1; ++k) s[k] = twist(s[k], s[k + 1], s[k + kM - kN]);
    s[kN - 1] = twist(s[kN - 1], s[0], s[kM - 1]);
    mt->index = 0;
  }
  uint32_t y = s[mt->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

bool check_self(Value self, MTObject** out) {
  if (!self.is_obj() || !isinstance(self, &MTType)) {
    raise(&TypeErrorType, "descriptor requires a '_random.Random' object but received a '%s'",
          type_name(self));
    return false;
  }
  *out = self.as<MTObject>();
  return true;
}

void seed_from_mpz(MTObject* mt, mpz_srcptr n) {
  size_t bits = mpz_sizeinbase(n, 2);
  size_t words = mpz_sgn(n) == 0 ? 1 : (bits - 1) / 32 + 1;
  std::vector<uint32_t> key(words, 0);
  size_t count = 0;
  mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, n);
  init_by_array(mt, key.data(), words);
}

// Seeding from the operating system's entropy (seed(None)); the clock and
// pid if /dev/urandom cannot be read.
void seed_from_entropy(MTObject* mt) {
  uint32_t key[kN];
  bool ok = false;
  if (FILE* f = fopen("/dev/urandom", "rb")) {
    ok = fread(key, sizeof key, 1, f) == 1;
    fclose(f);
  }
  if (!ok) {
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    key[0] = uint32_t(ts.tv_sec);
    key[1] = uint32_t(ts.tv_nsec);
    key[2] = uint32_t(getpid());
    init_by_array(mt, key, 3);
    return;
  }
  init_by_array(mt, key, kN);
}

bool seed_object(MTObject* mt, Value arg) {
  if (arg.is_null() || is_none(arg)) {
    seed_from_entropy(mt);
    return true;
  }
  mpz_t n;
  mpz_init(n);
  if (is_int(arg)) {
    MpzView z(arg);
    mpz_abs(n, z.z);
  } else if (is_str(arg)) {
    std::string_view text = str_view(arg.as<Str>());
    std::array<uint8_t, 64> digest = sha512(text);
    std::string bytes(text);
    bytes.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    mpz_import(n, bytes.size(), 1, 1, 1, 0, bytes.data());
  } else {
    int64_t h;
    if (!obj_hash(arg, &h)) {
      mpz_clear(n);
      return false;
    }
    mpz_set_si(n, h);
    mpz_abs(n, n);
  }
  seed_from_mpz(mt, n);
  mpz_clear(n);
  return true;
}

Value mt_seed(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  MTObject* mt;
  if (!check_self(self, &mt) || !check_nargs("seed", nargs, kwnames, 0, 1)) return Value();
  if (!seed_object(mt, nargs ? args[0] : Value())) return Value();
  return None();
}

Value mt_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  MTObject* mt;
  if (!check_self(self, &mt) || !check_nargs("Random", nargs, kwnames, 0, 1)) return Value();
  if (!seed_object(mt, nargs ? args[0] : Value())) return Value();
  return None();
}

Value mt_random(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  MTObject* mt;
  if (!check_self(self, &mt) || !check_nargs("random", nargs, kwnames, 0, 0)) return Value();
  uint32_t a = next_word(mt) >> 5, b = next_word(mt) >> 6;
  return float_new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Value mt_getrandbits(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  MTObject* mt;
  if (!check_self(self, &mt) || !check_nargs("getrandbits", nargs, kwnames, 1, 1)) return Value();
  if (is_float(args[0])) return raise(&TypeErrorType, "'float' object cannot be interpreted as an integer");
  Value kv = number_index(args[0]);
  if (kv.is_null()) return kv;
  int64_t k;
  if (!int_to_i64(kv, &k) || k > INT32_MAX || k < INT32_MIN) {
    if (int_sign(kv) < 0) return raise(&ValueErrorType, "number of bits must be non-negative");
    return raise(&OverflowErrorType, "Python int too large to convert to C int");
  }
  if (k < 0) return raise(&ValueErrorType, "number of bits must be non-negative");
  if (k == 0) return Value::small(0);
  if (k <= 32) return Value::small(next_word(mt) >> (32 - k));
  size_t words = size_t((k - 1) / 32 + 1);
  std::vector<uint32_t> w(words);
  for (size_t i = 0; i < words; ++i, k -= 32) {
    uint32_t r = next_word(mt);
    if (k < 32) r >>= 32 - k;
    w[i] = r;
  }
  mpz_t n;
  mpz_init(n);
  mpz_import(n, words, -1, sizeof(uint32_t), 0, 0, w.data());
  return int_from_mpz_take(n);
}

Value mt_getstate(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  MTObject* mt;
  if (!check_self(self, &mt) || !check_nargs("getstate", nargs, kwnames, 0, 0)) return Value();
  Tuple* t = tuple_new(kN + 1);
  for (int i = 0; i < kN; ++i) tuple_items(t)[i] = Value::small(mt->state[i]);
  tuple_items(t)[kN] = Value::small(mt->index);
  return Value(t);
}

Value mt_setstate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  MTObject* mt;
  if (!check_self(self, &mt) || !check_nargs("setstate", nargs, kwnames, 1, 1)) return Value();
  if (!isinstance(args[0], &TupleType)) return raise(&TypeErrorType, "state vector must be a tuple");
  Tuple* t = args[0].as<Tuple>();
  if (tuple_size(t) != kN + 1) return raise(&ValueErrorType, "state vector is the wrong size");
  uint32_t words[kN];
  for (int i = 0; i < kN; ++i) {
    Value v = tuple_items(t)[i];
    if (!is_int(v)) return raise(&TypeErrorType, "an integer is required (got type %s)", type_name(v));
    int64_t x;
    if (!int_to_i64(v, &x) || x < 0 || x > int64_t(UINT32_MAX)) {
      if (int_sign(v) < 0) return raise(&OverflowErrorType, "can't convert negative value to unsigned int");
      return raise(&OverflowErrorType, "Python int too large to convert to C unsigned long");
    }
    words[i] = uint32_t(x);
  }
  int64_t index;
  if (!int_as_index(tuple_items(t)[kN], &index)) return Value();
  if (index < 0 || index > kN) return raise(&ValueErrorType, "invalid state");
  memcpy(mt->state, words, sizeof words);
  mt->index = int32_t(index);
  return None();
}

// _random.Random(seed) seeds; a subclass instance is made empty (its
// __init__, usually random.Random.__init__, seeds it).
Value mt_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &MTType && kwnames && tuple_size(kwnames))
    return raise(&TypeErrorType, "Random() takes no keyword arguments");
  if (type == &MTType && nargs > 1)
    return raise(&TypeErrorType, "Random() expected at most 1 argument, got %zu", nargs);
  Value obj(gc_alloc(type, type->instance_size));
  Rooted keep(&obj);
  MTObject* mt = obj.as<MTObject>();
  init_genrand(mt, 5489u);
  if (type == &MTType && !seed_object(mt, nargs ? args[0] : Value())) return Value();
  return obj;
}

}  // namespace

Type MTType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "_random.Random";
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeNativeLayout;
  t.instance_size = sizeof(MTObject);
  t.construct = mt_construct;
  return t;
}();

namespace {

Value module_init() {
  static bool ready = false;
  if (!ready) {
    type_add_method(&MTType, "__init__", mt_init);
    type_add_method(&MTType, "seed", mt_seed);
    type_add_method(&MTType, "random", mt_random);
    type_add_method(&MTType, "getrandbits", mt_getrandbits);
    type_add_method(&MTType, "getstate", mt_getstate);
    type_add_method(&MTType, "setstate", mt_setstate);
    type_ready(&MTType);
    ready = true;
  }
  Value m = module_new("_random");
  Rooted keep(&m);
  module_add(m, "Random", Value(&MTType));
  return m;
}

}  // namespace

void random_module_register() { register_builtin_module("_random", module_init); }

}  // namespace pg
