// set/frozenset table (set.cpp): growth, deletion with dummies, the
// small-int layout shared with CPython, swap of bodies, frozenset hashing.
#include "objects/gc.h"
#include "objects/set.h"
#include "rt_containers_util.h"

namespace pg {
namespace {

using namespace pg::test;

TEST(Set, AddContainsDiscardAndGrow) {
  Value sv = Value(set_alloc(&SetType));
  Set* s = sv.as<Set>();
  for (int i = 0; i < 5000; i++) ASSERT_EQ(set_add(s, I(i * 3)), 0);
  EXPECT_EQ(s->used, 5000);
  EXPECT_LT(s->fill * 5, s->mask * 3);
  for (int i = 0; i < 15000; i++) ASSERT_EQ(set_contains_key(s, I(i)), i % 3 == 0 ? 1 : 0) << i;
  for (int i = 0; i < 5000; i += 2) ASSERT_EQ(set_discard_key(s, I(i * 3)), 1);
  EXPECT_EQ(set_discard_key(s, I(0)), 0);
  EXPECT_EQ(s->used, 2500);
  EXPECT_EQ(s->fill - s->used, 2500);  // dummies stay until a resize
  set_resize(s, s->used * 4);
  EXPECT_EQ(s->fill, s->used);
  EXPECT_EQ(set_contains_key(s, I(3)), 1);
}

TEST(Set, SmallIntsUseCpythonSlots) {
  Value sv = Value(set_alloc(&SetType));
  for (int v : {5, 3, 1}) set_add(sv.as<Set>(), I(v));
  EXPECT_EQ(R(sv), "{1, 3, 5}");
  EXPECT_EQ(sv.as<Set>()->table, sv.as<Set>()->small);
}

TEST(Set, SwapBodiesSmallAndLarge) {
  Value a = Value(set_alloc(&SetType)), b = Value(set_alloc(&SetType));
  set_add(a.as<Set>(), I(1));
  for (int i = 0; i < 100; i++) set_add(b.as<Set>(), I(i));
  set_swap_bodies(a.as<Set>(), b.as<Set>());
  EXPECT_EQ(a.as<Set>()->used, 100);
  EXPECT_EQ(R(b), "{1}");
  EXPECT_EQ(b.as<Set>()->table, b.as<Set>()->small);
  EXPECT_EQ(set_contains_key(a.as<Set>(), I(99)), 1);
}

TEST(Set, FrozensetHashMatchesCpython) {
  Value f = Value(set_alloc(&FrozenSetType));
  EXPECT_EQ(frozenset_hash_of(f.as<Set>()), 133146708735736);  // hash(frozenset())
  Value g = Value(set_alloc(&FrozenSetType));
  set_add(g.as<Set>(), I(1));
  set_add(g.as<Set>(), I(2));
  EXPECT_EQ(frozenset_hash_of(g.as<Set>()), -1826646154956904602);  // hash(frozenset({1, 2}))
}

TEST(Set, PopEmptyRaises) {
  Value sv = Value(set_alloc(&SetType));
  EXPECT_EQ(R(set_pop(sv.as<Set>())), "!KeyError: 'pop from an empty set'");
}

}  // namespace
}  // namespace pg
