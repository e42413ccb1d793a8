// Frames and the per-thread data stack (frame.h, thread_state.h,
// push_frame/pop_frame in eval.cpp): the layout docs/frame-layout.md
// promises, bump allocation in 16 KiB chunks, bigger chunks for bigger
// frames, and exact rewinding on return.
#include <gtest/gtest.h>

#include <malloc.h>

#include <cstddef>
#include <cstdlib>
#include <vector>

#include "objects/object.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/thread_state.h"

namespace pg {
namespace {

// A code object with only what push_frame reads: nlocalsplus, framesize and
// instrs. Nothing roots it, so it is only used while no collection can run
// (no Python code runs in these tests).
Code* fake_code(int32_t nlocals, int32_t stack) {
  Code* c = code_new();
  c->nlocalsplus = nlocals;
  c->stacksize = stack;
  c->framesize = nlocals + stack;
  c->ninstrs = 1;
  c->instrs = static_cast<uint32_t*>(malloc(sizeof(uint32_t)));
  c->instrs[0] = 0;
  return c;
}

size_t frame_values(const Code* c) { return kFrameHeaderValues + size_t(c->framesize); }

Value* values_at(Frame* f) { return reinterpret_cast<Value*>(f); }

Value* chunk_end(StackChunk* c) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(c) + c->size);
}

// Snapshot of the thread's data-stack registers.
struct StackState {
  StackChunk* chunk;
  Value* top;
  Value* limit;
  bool operator==(const StackState& o) const {
    return chunk == o.chunk && top == o.top && limit == o.limit;
  }
};

StackState state(ThreadState* ts) {
  return {ts->datastack_chunk, ts->datastack_top, ts->datastack_limit};
}

// Makes sure the thread has its first chunk, so a test sees the same
// starting point whichever tests ran before it.
ThreadState* thread_with_chunk() {
  ThreadState* ts = current_thread();
  if (!ts->datastack_chunk) {
    Frame* f = push_frame(ts, fake_code(0, 0));
    pop_frame(ts, f);
  }
  EXPECT_NE(ts->datastack_chunk, nullptr);
  return ts;
}

size_t heap_in_use() { return mallinfo2().uordblks; }

// Whether mallinfo2() sees malloc/free here (not under a sanitizer's
// allocator); the checks that a chunk was given back rely on it.
bool heap_accounting_works() {
  size_t before = heap_in_use();
  void* volatile p = malloc(32 * 1024);
  size_t during = heap_in_use();
  free(p);
  return during >= before + 32 * 1024 && heap_in_use() == before;
}

}  // namespace

TEST(Frames, HeaderLayoutMatchesDocs) {
  // docs/frame-layout.md section 5: the specials, 72 bytes (9 values), then
  // localsplus.
  EXPECT_EQ(sizeof(Frame), 72u);
  EXPECT_EQ(kFrameHeaderValues, 9u);
  EXPECT_EQ(offsetof(Frame, code), 0u);
  EXPECT_EQ(offsetof(Frame, previous), 8u);
  EXPECT_EQ(offsetof(Frame, function), 16u);
  EXPECT_EQ(offsetof(Frame, globals), 24u);
  EXPECT_EQ(offsetof(Frame, builtins), 32u);
  EXPECT_EQ(offsetof(Frame, locals), 40u);
  EXPECT_EQ(offsetof(Frame, frame_obj), 48u);
  EXPECT_EQ(offsetof(Frame, instr_ptr), 56u);
  EXPECT_EQ(offsetof(Frame, stack_depth), 64u);
  EXPECT_EQ(offsetof(Frame, owner), 68u);
  EXPECT_EQ(offsetof(Frame, localsplus), 72u);
  // Owner values are part of the contract.
  EXPECT_EQ(int(kOwnedByThread), 0);
  EXPECT_EQ(int(kOwnedByGenerator), 1);
  EXPECT_EQ(int(kOwnedByFrameObject), 2);
  EXPECT_EQ(int(kOwnedByCStack), 3);
  // The data-stack chunk header (section 5, "The data stack").
  EXPECT_EQ(offsetof(StackChunk, previous), 0u);
  EXPECT_EQ(offsetof(StackChunk, size), 8u);
  EXPECT_EQ(offsetof(StackChunk, saved_top), 16u);
  EXPECT_EQ(offsetof(StackChunk, data), 24u);
  EXPECT_EQ(kStackChunkSize, 16u * 1024u);
}

TEST(Frames, LocalsplusFollowsTheHeader) {
  ThreadState* ts = thread_with_chunk();
  Code* code = fake_code(3, 2);
  Frame* f = push_frame(ts, code);
  EXPECT_EQ(static_cast<void*>(f->localsplus), static_cast<void*>(values_at(f) + 9));
  EXPECT_EQ(f->stack_base(), f->localsplus + 3);
  // The value stack ends exactly where the next frame starts.
  EXPECT_EQ(f->stack_base() + code->stacksize, ts->datastack_top);
  pop_frame(ts, f);
}

TEST(Frames, PushBumpsTopAndPopRewindsIt) {
  ThreadState* ts = thread_with_chunk();
  StackState before = state(ts);
  Code* a = fake_code(4, 6);
  Code* b = fake_code(1, 3);

  Frame* fa = push_frame(ts, a);
  EXPECT_EQ(values_at(fa), before.top);
  EXPECT_EQ(ts->datastack_top, before.top + 9 + 10);
  EXPECT_EQ(ts->datastack_chunk, before.chunk);
  EXPECT_EQ(ts->datastack_limit, before.limit);

  Frame* fb = push_frame(ts, b);
  EXPECT_EQ(values_at(fb), before.top + 19) << "frames are contiguous";
  EXPECT_EQ(ts->datastack_top, before.top + 19 + 9 + 4);

  pop_frame(ts, fb);
  EXPECT_EQ(ts->datastack_top, before.top + 19);
  pop_frame(ts, fa);
  EXPECT_TRUE(state(ts) == before);

  // The same frame pushed again lands at the same address.
  Frame* again = push_frame(ts, a);
  EXPECT_EQ(again, fa);
  pop_frame(ts, again);
  EXPECT_TRUE(state(ts) == before);
}

TEST(Frames, PushClearsHeaderAndLocals) {
  ThreadState* ts = thread_with_chunk();
  StackState before = state(ts);
  Code* code = fake_code(5, 4);
  Frame* f = push_frame(ts, code);
  // Dirty the whole slab, as a finished activation would leave it.
  for (size_t i = 0; i < frame_values(code); ++i) values_at(f)[i] = Value::small(int64_t(i) + 7);
  pop_frame(ts, f);
  Frame* g = push_frame(ts, code);
  ASSERT_EQ(g, f);
  EXPECT_EQ(g->code, code);
  EXPECT_EQ(g->previous, nullptr);
  EXPECT_EQ(g->function, nullptr);
  EXPECT_EQ(g->globals, nullptr);
  EXPECT_EQ(g->builtins, nullptr);
  EXPECT_EQ(g->locals, nullptr);
  EXPECT_EQ(g->frame_obj, nullptr);
  EXPECT_EQ(g->instr_ptr, code->instrs);
  EXPECT_EQ(g->instr_index(), 0);
  EXPECT_EQ(g->stack_depth, 0);
  EXPECT_EQ(g->owner, kOwnedByThread);
  for (int i = 0; i < code->nlocalsplus; ++i) EXPECT_TRUE(g->localsplus[i].is_null()) << i;
  pop_frame(ts, g);
  EXPECT_TRUE(state(ts) == before);
}

TEST(Frames, FillingAChunkPushesANewOne) {
  ThreadState* ts = thread_with_chunk();
  StackState before = state(ts);
  Code* code = fake_code(40, 20);  // 69 values, 552 bytes
  const size_t need = frame_values(code);

  std::vector<Frame*> frames;
  Frame* first_new = nullptr;
  Value* top_before_switch = nullptr;
  while (frames.size() < 200) {
    Value* top = ts->datastack_top;
    StackChunk* chunk = ts->datastack_chunk;
    Frame* f = push_frame(ts, code);
    frames.push_back(f);
    if (ts->datastack_chunk != chunk) {
      first_new = f;
      top_before_switch = top;
      // It did not fit: the old chunk could not hold `need` more values.
      EXPECT_GT(top + need, chunk_end(chunk));
      break;
    }
  }
  ASSERT_NE(first_new, nullptr) << "200 frames of 552 bytes never left the first chunk";
  StackChunk* fresh = ts->datastack_chunk;
  EXPECT_EQ(fresh->previous, before.chunk);
  EXPECT_EQ(fresh->size, kStackChunkSize);
  EXPECT_EQ(values_at(first_new), fresh->data);
  EXPECT_EQ(ts->datastack_top, fresh->data + need);
  EXPECT_EQ(ts->datastack_limit, chunk_end(fresh));
  EXPECT_EQ(before.chunk->saved_top, top_before_switch)
      << "the old chunk remembers its top while the new one is in use";

  // More frames stay in the new chunk.
  Frame* next = push_frame(ts, code);
  EXPECT_EQ(ts->datastack_chunk, fresh);
  EXPECT_EQ(values_at(next), fresh->data + need);
  pop_frame(ts, next);
  EXPECT_EQ(ts->datastack_top, fresh->data + need);

  // Returning from the first frame of the new chunk goes back to the old
  // chunk, at its saved top, and gives the new chunk back.
  size_t heap_before_pop = heap_in_use();
  pop_frame(ts, first_new);
  size_t heap_after_pop = heap_in_use();
  frames.pop_back();
  EXPECT_EQ(ts->datastack_chunk, before.chunk);
  EXPECT_EQ(ts->datastack_top, top_before_switch);
  EXPECT_EQ(ts->datastack_limit, before.limit);
  EXPECT_EQ(before.chunk->saved_top, nullptr) << "saved_top is only valid while a newer chunk is in use";
  if (heap_accounting_works()) {
    EXPECT_GE(heap_before_pop - heap_after_pop, kStackChunkSize) << "the new chunk was not freed";
  }

  while (!frames.empty()) {
    pop_frame(ts, frames.back());
    frames.pop_back();
  }
  EXPECT_TRUE(state(ts) == before);
}

TEST(Frames, AFrameThatFitsExactlyStaysInItsChunk) {
  ThreadState* ts = thread_with_chunk();
  StackState before = state(ts);
  size_t room = size_t(ts->datastack_limit - ts->datastack_top);
  ASSERT_GE(room, kFrameHeaderValues);
  Code* exact = fake_code(0, int32_t(room - kFrameHeaderValues));
  Frame* f = push_frame(ts, exact);
  EXPECT_EQ(ts->datastack_chunk, before.chunk);
  EXPECT_EQ(values_at(f), before.top);
  EXPECT_EQ(ts->datastack_top, ts->datastack_limit);
  // Not one more value fits.
  Code* tiny = fake_code(0, 0);
  Frame* g = push_frame(ts, tiny);
  EXPECT_NE(ts->datastack_chunk, before.chunk);
  EXPECT_EQ(ts->datastack_chunk->previous, before.chunk);
  EXPECT_EQ(before.chunk->saved_top, chunk_end(before.chunk));
  pop_frame(ts, g);
  EXPECT_EQ(ts->datastack_chunk, before.chunk);
  EXPECT_EQ(ts->datastack_top, ts->datastack_limit);
  pop_frame(ts, f);
  EXPECT_TRUE(state(ts) == before);
}

TEST(Frames, ABigFrameGetsItsOwnLargerChunk) {
  ThreadState* ts = thread_with_chunk();
  StackState before = state(ts);
  Code* big = fake_code(2500, 500);  // 3009 values: 24072 bytes > 16 KiB
  const size_t need = frame_values(big);
  ASSERT_GT(need * sizeof(Value), kStackChunkSize);

  Code* small = fake_code(2, 2);
  size_t heap_before = heap_in_use();
  Frame* f = push_frame(ts, big);
  StackChunk* chunk = ts->datastack_chunk;
  ASSERT_NE(chunk, before.chunk);
  EXPECT_EQ(chunk->previous, before.chunk);
  EXPECT_GE(chunk->size, sizeof(StackChunk) + need * sizeof(Value));
  EXPECT_GT(chunk->size, kStackChunkSize);
  EXPECT_EQ(values_at(f), chunk->data);
  EXPECT_EQ(ts->datastack_top, chunk->data + need);
  EXPECT_LE(ts->datastack_top, ts->datastack_limit);
  EXPECT_EQ(ts->datastack_limit, chunk_end(chunk));
  EXPECT_EQ(before.chunk->saved_top, before.top);
  // Its last local is usable memory inside the chunk.
  f->localsplus[big->nlocalsplus - 1] = Value::small(42);
  f->stack_base()[big->stacksize - 1] = Value::small(43);

  // A normal frame on top of it still fits behind it or in a fresh chunk,
  // and the big frame does not move.
  Frame* g = push_frame(ts, small);
  EXPECT_EQ(f->localsplus[big->nlocalsplus - 1], Value::small(42));
  pop_frame(ts, g);
  EXPECT_EQ(ts->datastack_chunk, chunk);
  EXPECT_EQ(ts->datastack_top, chunk->data + need);

  pop_frame(ts, f);
  EXPECT_TRUE(state(ts) == before);
  EXPECT_EQ(before.chunk->saved_top, nullptr);
  if (heap_accounting_works()) {
    EXPECT_LE(heap_in_use(), heap_before) << "the big chunk was not freed";
  }
}

TEST(Frames, FramesNeverMove) {
  ThreadState* ts = thread_with_chunk();
  StackState before = state(ts);
  // Mixed sizes, enough for several chunks, one of them oversized.
  std::vector<Code*> codes = {fake_code(3, 5), fake_code(60, 40), fake_code(0, 1),
                              fake_code(300, 100)};
  codes.push_back(fake_code(2200, 10));  // oversized
  std::vector<Frame*> frames;
  std::vector<Code*> used;
  std::vector<StackChunk*> chunks_seen;
  for (int i = 0; i < 120; ++i) {
    Code* c = codes[size_t(i) % codes.size()];
    Frame* f = push_frame(ts, c);
    for (int j = 0; j < c->nlocalsplus; ++j) f->localsplus[j] = Value::small(i * 100000 + j);
    frames.push_back(f);
    used.push_back(c);
    if (chunks_seen.empty() || chunks_seen.back() != ts->datastack_chunk)
      chunks_seen.push_back(ts->datastack_chunk);
  }
  EXPECT_GE(chunks_seen.size(), 4u);
  // Every frame is where it was put, holds what was written, and lies
  // inside one chunk; no two frames overlap.
  for (size_t i = 0; i < frames.size(); ++i) {
    Frame* f = frames[i];
    EXPECT_EQ(f->code, used[i]) << i;
    for (int j = 0; j < used[i]->nlocalsplus; ++j)
      ASSERT_EQ(f->localsplus[j], Value::small(int64_t(i) * 100000 + j)) << i << "/" << j;
    if (i > 0) {
      Value* prev_end = values_at(frames[i - 1]) + frame_values(used[i - 1]);
      bool adjacent = values_at(f) == prev_end;
      bool chunk_start = false;
      for (StackChunk* c = ts->datastack_chunk; c; c = c->previous)
        if (values_at(f) == c->data) chunk_start = true;
      EXPECT_TRUE(adjacent || chunk_start) << "frame " << i << " is neither next to the previous "
                                           << "frame nor at the start of a chunk";
    }
  }
  // Returning from each frame rewinds to the end of the one below it.
  for (size_t i = frames.size(); i-- > 0;) {
    pop_frame(ts, frames[i]);
    if (i > 0) {
      EXPECT_EQ(ts->datastack_top, values_at(frames[i - 1]) + frame_values(used[i - 1])) << i;
      EXPECT_LE(ts->datastack_top, ts->datastack_limit);
    }
  }
  EXPECT_TRUE(state(ts) == before);
  EXPECT_EQ(before.chunk->saved_top, nullptr);
}

}  // namespace pg
