// Classes (objects/class.cpp, objects/type.cpp, objects/descriptors.cpp):
// the C3 MRO, attribute lookup through it (and its cache), the descriptor
// protocol's precedence, LOAD_METHOD's unbound fast path, heap type layout,
// and the collector freeing classes nobody uses. Programs are compiled and
// run with eval_code_in(); expected values are CPython 3.11's.
#include <gtest/gtest.h>

#include <string>

#include "compiler/compiler.h"
#include "objects/class.h"
#include "objects/exceptions.h"
#include "objects/gc.h"
#include "objects/layouts.h"
#include "objects/object.h"
#include "objects/type.h"
#include "vm/eval.h"
#include "vm/thread_state.h"

namespace pg {
namespace {

std::string take_error() {
  if (!error_occurred()) return "<no error>";
  Value e = error_fetch();
  return std::string(type_name(e)) + ": " + exception_message(e);
}

std::string repr(Value v) {
  if (v.is_null()) return "<null: " + take_error() + ">";
  Value r = obj_repr(v);
  if (r.is_null()) return "<repr failed: " + take_error() + ">";
  return std::string(str_view(r.as<Str>()));
}

// A module namespace (rooted for the test's lifetime) to run source in.
class Program {
 public:
  Program() : keep_(&globals_) {
    globals_ = Value(dict_new());
    dict_set_str(dict(), str_intern("__name__"), Value(str_intern("__main__")));
  }
  Dict* dict() { return globals_.as<Dict>(); }
  Value get(const char* name) {
    Value v = dict_get_str(dict(), str_intern(name));
    EXPECT_FALSE(v.is_null()) << "global " << name << " is not set";
    return v;
  }
  Type* type(const char* name) {
    Value v = get(name);
    EXPECT_TRUE(is_type(v)) << name << " is not a class";
    return v.as<Type>();
  }
  std::string eval(const std::string& expr) {
    if (!run("_result = " + expr)) return "<raised: " + take_error() + ">";
    return repr(get("_result"));
  }
  // Runs `src`; returns false with the exception pending if it raised.
  bool run(const std::string& src) {
    Code* code = compile_source(src, "<class-test>");
    EXPECT_NE(code, nullptr) << take_error();
    if (!code) return false;
    Value code_value(code);
    Rooted keep(&code_value);
    return !eval_code_in(code, dict(), dict()).is_null();
  }

 private:
  Value globals_;
  Rooted keep_;
};

std::string mro_names(Type* t) {
  std::string out;
  for (Type* k : type_mro(t)) {
    if (!out.empty()) out += " ";
    out += k->name;
  }
  return out;
}

TEST(ClassMro, C3ClassicExample) {
  Program p;
  ASSERT_TRUE(p.run(
      "class O: pass\n"
      "class F(O): pass\n"
      "class E(O): pass\n"
      "class D(O): pass\n"
      "class C(D, F): pass\n"
      "class B(D, E): pass\n"
      "class A(B, C): pass\n"))
      << take_error();
  EXPECT_EQ(mro_names(p.type("A")), "A B C D E F O object");
  EXPECT_EQ(mro_names(p.type("B")), "B D E O object");
  EXPECT_EQ(mro_names(p.type("C")), "C D F O object");
  // The MRO tuple is what __mro__ and mro() show.
  EXPECT_EQ(p.eval("[k.__name__ for k in A.mro()] == [k.__name__ for k in A.__mro__]"), "True");
}

TEST(ClassMro, DiamondAndSubtypeChecks) {
  Program p;
  ASSERT_TRUE(p.run(
      "class Base: pass\n"
      "class Left(Base): pass\n"
      "class Right(Base): pass\n"
      "class Bottom(Left, Right): pass\n"))
      << take_error();
  Type* bottom = p.type("Bottom");
  EXPECT_EQ(mro_names(bottom), "Bottom Left Right Base object");
  // `base` is the first base; the second one is only reachable through the MRO.
  EXPECT_EQ(bottom->base, p.type("Left"));
  EXPECT_TRUE(is_subtype(bottom, p.type("Right")));
  EXPECT_TRUE(is_subtype(bottom, &ObjectType));
  EXPECT_FALSE(is_subtype(p.type("Left"), p.type("Right")));
  EXPECT_EQ(p.eval("isinstance(Bottom(), Right), issubclass(Bottom, (int, Right))"), "(True, True)");
}

TEST(ClassMro, InconsistentOrderIsATypeError) {
  Program p;
  ASSERT_TRUE(p.run("class X: pass\nclass Y(X): pass\n")) << take_error();
  EXPECT_FALSE(p.run("class Z(X, Y): pass\n"));
  EXPECT_EQ(take_error(),
            "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases X, Y");
  EXPECT_FALSE(p.run("class W(X, X): pass\n"));
  EXPECT_EQ(take_error(), "TypeError: duplicate base class X");
  EXPECT_FALSE(p.run("class V(int, str): pass\n"));
  EXPECT_EQ(take_error(), "TypeError: multiple bases have instance lay-out conflict");
  EXPECT_FALSE(p.run("class U(bool): pass\n"));
  EXPECT_EQ(take_error(), "TypeError: type 'bool' is not an acceptable base type");
}

TEST(ClassLookup, FollowsTheMroIncludingSecondBases) {
  Program p;
  ASSERT_TRUE(p.run(
      "class A:\n"
      "    def who(self): return 'A'\n"
      "class B(A): pass\n"
      "class C(A):\n"
      "    def who(self): return 'C'\n"
      "    only_c = 1\n"
      "class D(B, C): pass\n"))
      << take_error();
  Type* d = p.type("D");
  Value who = type_lookup(d, str_intern("who"));
  ASSERT_EQ(type_of(who), &FunctionType);
  EXPECT_EQ(std::string(str_view(who.as<Function>()->qualname)), "C.who");
  EXPECT_FALSE(type_lookup(d, str_intern("only_c")).is_null());
  EXPECT_TRUE(type_lookup(d, str_intern("nothing")).is_null());
  EXPECT_EQ(p.eval("D().who()"), "'C'");
}

TEST(ClassLookup, CacheSeesLaterChanges) {
  Program p;
  ASSERT_TRUE(p.run("class A: pass\nclass B(A): pass\nb = B()\n")) << take_error();
  Type* b = p.type("B");
  Str* name = str_intern("late_attr");
  EXPECT_TRUE(type_lookup(b, name).is_null());  // a cached miss
  ASSERT_TRUE(p.run("A.late_attr = 1\n")) << take_error();
  Value v = type_lookup(b, name);
  ASSERT_FALSE(v.is_null());
  EXPECT_EQ(v, Value::small(1));
  // Replacing the value keeps the cached position; the new value is read.
  ASSERT_TRUE(p.run("A.late_attr += 41\n")) << take_error();
  EXPECT_EQ(type_lookup(b, name), Value::small(42));
  // A subclass attribute added later hides the base's.
  ASSERT_TRUE(p.run("B.late_attr = 'mine'\n")) << take_error();
  EXPECT_EQ(p.eval("b.late_attr"), "'mine'");
  ASSERT_TRUE(p.run("del B.late_attr\n")) << take_error();
  EXPECT_EQ(p.eval("b.late_attr"), "42");
  ASSERT_TRUE(p.run("del A.late_attr\n")) << take_error();
  EXPECT_TRUE(type_lookup(b, name).is_null());
}

TEST(ClassLookup, DescriptorPrecedence) {
  Program p;
  ASSERT_TRUE(p.run(
      "class Data:\n"
      "    def __get__(self, obj, owner): return 'data'\n"
      "    def __set__(self, obj, v): obj.__dict__['seen'] = v\n"
      "class NonData:\n"
      "    def __get__(self, obj, owner): return 'nondata'\n"
      "class C:\n"
      "    d = Data()\n"
      "    n = NonData()\n"
      "    plain = 'class'\n"
      "    @property\n"
      "    def prop(self): return 'property'\n"
      "c = C()\n"
      "c.__dict__['d'] = 'instance'\n"
      "c.__dict__['n'] = 'instance'\n"
      "c.__dict__['plain'] = 'instance'\n"
      "c.__dict__['prop'] = 'instance'\n"))
      << take_error();
  // Data descriptors beat the instance dict; the instance dict beats
  // non-data descriptors and plain class attributes.
  EXPECT_EQ(p.eval("(c.d, c.n, c.plain, c.prop)"), "('data', 'instance', 'instance', 'property')");
  ASSERT_TRUE(p.run("c.d = 5\n")) << take_error();
  EXPECT_EQ(p.eval("c.seen"), "5");
  // Through the class, __get__ gets no instance.
  EXPECT_EQ(p.eval("(C.d, C.n, type(C.prop).__name__)"), "('data', 'nondata', 'property')");
}

TEST(ClassLookup, InstanceLayoutAndDict) {
  Program p;
  ASSERT_TRUE(p.run("class C: pass\nclass E(ValueError): pass\nc = C()\n")) << take_error();
  Type* c = p.type("C");
  EXPECT_TRUE(is_heap_type(c));
  EXPECT_EQ(c->static_base, &ObjectType);
  EXPECT_EQ(c->instance_size, sizeof(Instance));
  EXPECT_EQ(c->dict_offset, sizeof(Object));
  Value obj = p.get("c");
  EXPECT_EQ(obj.as<Instance>()->dict, nullptr);  // created on first use
  ASSERT_TRUE(p.run("c.x = 1\n")) << take_error();
  ASSERT_NE(obj.as<Instance>()->dict, nullptr);
  EXPECT_EQ(dict_get_str(obj.as<Instance>()->dict, str_intern("x")), Value::small(1));
  Type* e = p.type("E");
  EXPECT_EQ(e->static_base, &ValueErrorType);
  EXPECT_EQ(e->instance_size, sizeof(ExceptionObject));
  EXPECT_EQ(e->dict_offset, 0u);
  EXPECT_TRUE(e->flags & kTypeExceptionSubclass);
  EXPECT_EQ(type_qualified_name(c), "__main__.C");
  EXPECT_EQ(type_traceback_name(c), "C");
}

TEST(ClassLookup, BuiltinSubclassLayout) {
  Program p;
  ASSERT_TRUE(p.run(
      "class L(list): pass\n"
      "class S(str): pass\n"
      "l = L([[1], [2]])\n"
      "l.tag = ['t']\n"
      "s = S('x')\n"))
      << take_error();
  Type* l = p.type("L");
  EXPECT_EQ(l->static_base, &ListType);
  // The list layout, then the instance dict.
  EXPECT_EQ(l->instance_size, sizeof(List) + sizeof(Dict*));
  EXPECT_EQ(l->dict_offset, sizeof(List));
  EXPECT_TRUE(l->flags & kTypeListSubclass);
  // str instances end in their text: their dict is a detached one.
  EXPECT_EQ(p.type("S")->dict_offset, kDetachedDictOffset);
  ASSERT_TRUE(p.run("s.tag = 1\n")) << take_error();
  EXPECT_EQ(p.eval("s.__dict__"), "{'tag': 1}");
  // The collector traces both the items and the dict of a list subclass.
  gc_collect();
  EXPECT_EQ(p.eval("(l, l.tag, type(l).__name__)"), "([[1], [2]], ['t'], 'L')");
}

TEST(ClassLookup, LookupMethodSkipsTheBoundMethod) {
  Program p;
  ASSERT_TRUE(p.run(
      "class C:\n"
      "    def m(self): return 1\n"
      "class G:\n"
      "    def m(self): return 1\n"
      "    def __getattr__(self, name): return 2\n"
      "c = C()\n"
      "g = G()\n"))
      << take_error();
  Str* m = str_intern("m");
  Value method;
  ASSERT_TRUE(lookup_method(p.get("c"), m, &method));
  EXPECT_EQ(type_of(method), &FunctionType);  // unbound: no BoundMethod allocated
  // An instance attribute shadows the method.
  ASSERT_TRUE(p.run("c.m = lambda: 3\n")) << take_error();
  EXPECT_FALSE(lookup_method(p.get("c"), m, &method));
  EXPECT_EQ(p.eval("c.m()"), "3");
  // A class with __getattr__ takes the slow path.
  EXPECT_FALSE(lookup_method(p.get("g"), m, &method));
  // Reading the method as a value binds it.
  EXPECT_EQ(p.eval("type(C().m).__name__"), "'method'");
}

TEST(ClassLookup, ClassesMadeFromCpp) {
  Program p;
  Value args[3] = {Value(str_intern("Made")), Value(tuple_from({Value(&ObjectType)})),
                   Value(dict_new())};
  Rooted k1(&args[1]), k2(&args[2]);
  dict_set_str(args[2].as<Dict>(), str_intern("answer"), Value::small(42));
  Value cls = type_new_from_args(&TypeType, args);
  ASSERT_FALSE(cls.is_null()) << take_error();
  Rooted keep(&cls);
  EXPECT_EQ(type_lookup(cls.as<Type>(), str_intern("answer")), Value::small(42));
  Value inst = call0(cls);
  ASSERT_FALSE(inst.is_null()) << take_error();
  EXPECT_EQ(type_of(inst), cls.as<Type>());
  EXPECT_EQ(obj_getattr_cstr(inst, "answer"), Value::small(42));
}

TEST(ClassGc, UnusedClassesAreCollected) {
  Program p;
  ASSERT_TRUE(p.run(
      "def make(i):\n"
      "    class T:\n"
      "        def get(self): return i\n"
      "    return T().get()\n"
      "total = 0\n"
      "for i in range(300):\n"
      "    total += make(i)\n"))
      << take_error();
  EXPECT_EQ(p.eval("total"), "44850");
  int64_t before = gc_stats().objects;
  gc_collect();
  EXPECT_LT(gc_stats().objects, before);
  // The survivors still work after the collection.
  ASSERT_TRUE(p.run("class Keep:\n    x = [1, 2]\nk = Keep()\n")) << take_error();
  gc_collect();
  EXPECT_EQ(p.eval("(k.x, type(k).__name__)"), "([1, 2], 'Keep')");
}

TEST(ClassSuper, ZeroArgumentSuperUsesTheClassCell) {
  Program p;
  ASSERT_TRUE(p.run(
      "class A:\n"
      "    def f(self): return ['A']\n"
      "class B(A):\n"
      "    def f(self): return ['B'] + super().f()\n"
      "class C(A):\n"
      "    def f(self): return ['C'] + super().f()\n"
      "class D(B, C):\n"
      "    def f(self): return ['D'] + super().f()\n"
      "    def cls(self): return __class__\n"))
      << take_error();
  EXPECT_EQ(p.eval("D().f()"), "['D', 'B', 'C', 'A']");
  EXPECT_EQ(p.eval("D().cls() is D"), "True");
  // The method keeps the cell: a subclass calling it still starts after D.
  EXPECT_EQ(p.eval("type('E', (D,), {})().f()"), "['D', 'B', 'C', 'A']");
}

}  // namespace
}  // namespace pg
