package org.polity.counting.internal;

import java.util.Arrays;

/** A small open-addressing map from long keys to long counts; entries are never removed. */
final class LongLongMap {
  private static final long EMPTY = Long.MIN_VALUE;
  long[] keys;
  long[] values;
  int size;

  LongLongMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 + 1)) << 1;
    keys = new long[capacity];
    values = new long[capacity];
    Arrays.fill(keys, EMPTY);
  }

  LongLongMap copy() {
    LongLongMap copy = new LongLongMap(1);
    copy.keys = keys.clone();
    copy.values = values.clone();
    copy.size = size;
    return copy;
  }

  void add(long key, long delta) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        values[i] += delta;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = delta;
        size++;
        if (size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  long get(long key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return 0;
      }
      i = (i + 1) & mask;
    }
  }

  boolean isSlot(int i) {
    return keys[i] != EMPTY && values[i] != 0;
  }

  /** Rehashes, dropping entries whose count fell to zero; doubles the table only if needed. */
  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    int live = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY && oldValues[i] != 0) {
        live++;
      }
    }
    int capacity = live * 4 > oldKeys.length ? oldKeys.length * 2 : oldKeys.length;
    keys = new long[capacity];
    values = new long[capacity];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY && oldValues[i] != 0) {
        add(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
