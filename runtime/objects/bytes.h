// bytes (immutable) and bytearray (mutable) sequences of small ints.
//
// Files: bytes.cpp (the bytes type: construction, repr, comparison, hash,
// indexing, concatenation, iteration), bytearray.cpp (the bytearray type
// and its mutators), bytes_methods.cpp (the methods both share: split,
// join, find, strip, hex, ...), codecs.cpp (str.encode, bytes.decode with
// utf-8 / ascii / latin-1), bytes_int.cpp (int.to_bytes, int.from_bytes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/object.h"

namespace pg {

// bytes: `size` bytes in data, then a NUL (so data is also a C string when
// it holds no NUL itself). hash is -1 until computed.
struct Bytes : Object {
  int64_t hash;
  int64_t size;
  char data[];
};

// bytearray: data[0 .. size) is valid; capacity >= size; data is malloc'd
// (null while capacity == 0).
struct ByteArray : Object {
  char* data;
  int64_t size;
  int64_t capacity;
};

extern Type BytesType, ByteArrayType, BytesIteratorType, ByteArrayIteratorType;

inline bool is_bytes(Value v) { return v.is_obj() && is_subtype(v.obj()->type, &BytesType); }
inline bool is_bytearray(Value v) { return v.is_obj() && is_subtype(v.obj()->type, &ByteArrayType); }

// The bytes of a bytes-like object (bytes or bytearray); false (no error)
// for anything else. A bytearray's view is valid until it is next mutated.
bool bytes_view(Value v, std::string_view* out);

Bytes* bytes_new(std::string_view data);
Bytes* bytes_new_of_type(Type* type, std::string_view data);  // bytes or a subclass
Value bytearray_new(std::string_view data);
Value bytearray_new_of_type(Type* type, std::string_view data);
// Appends to a bytearray (grows amortised).
void bytearray_append_data(ByteArray* b, std::string_view data);
void bytearray_resize(ByteArray* b, int64_t size);

// The repr body b'...' of some bytes, quotes chosen like CPython (whose
// bytearray repr escapes a single quote even inside double quotes).
std::string bytes_repr_text(std::string_view data, bool always_escape_single = false);

// bytes(x) / bytearray(x) from one source argument: an int (that many
// zeros), a bytes-like object, an iterable of ints 0..255, or an object
// with __bytes__ (bytes only). `for_bytearray` picks the error messages.
bool bytes_from_source(Value source, bool for_bytearray, std::string* out);

// Codecs (codecs.cpp). `encoding`/`errors` may be null (utf-8, strict).
// LookupError "unknown encoding: x" for other encodings.
Value str_encode(Str* s, Value encoding, Value errors);
Value bytes_decode(std::string_view data, Value encoding, Value errors);

// int(b'...', base) and float(b'...') (bytes_int.cpp); ValueError shows
// the bytes repr.
Value int_from_bytes_text(Value bytes_like, int base);
Value float_from_bytes_text(Value bytes_like);

// Start-up: methods of bytes, bytearray, str.encode, int.to_bytes/from_bytes.
void bytes_init();
void bytes_methods_init();
void bytearray_init();
void codecs_init();
void bytes_int_init();

}  // namespace pg
