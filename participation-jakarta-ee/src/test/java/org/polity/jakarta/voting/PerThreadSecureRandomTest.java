package org.polity.jakarta.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The buffered per-thread generator hands out every byte once, fills every request whatever its
 * size and wherever it crosses a refill of the buffer, and gives unrelated bytes to each thread.
 * The bounds below fail by chance with a probability under 2^-30.
 */
class PerThreadSecureRandomTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 16, 20, 32, 63, 64, 65, 100, 255, 256, 257, 1000})
  void everyRequestIsFilledAndNoBytesAreHandedOutTwice(int size) {
    PerThreadSecureRandom random = new PerThreadSecureRandom();
    java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
    while (stream.size() < 16 * PerThreadSecureRandom.BUFFER) { // crosses many refills
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      stream.writeBytes(bytes);
    }
    // Every 8 bytes of what was handed out are fresh: a byte served twice, or a request left
    // partly unfilled (zeros), would repeat a window.
    byte[] all = stream.toByteArray();
    Set<String> windows = new HashSet<>();
    for (int at = 0; at + 8 <= all.length; at += 8) {
      String window = HexFormat.of().formatHex(all, at, at + 8);
      assertThat(windows.add(window))
          .as("8 bytes handed out twice or left empty: " + window)
          .isTrue();
    }
  }

  @Test
  void drawsOfFourBytesAreUniform() {
    // What ReceiptCode.random does: 20 draws of nextInt(32) per code, 4 bytes each.
    PerThreadSecureRandom random = new PerThreadSecureRandom();
    int[] counts = new int[32];
    for (int i = 0; i < 32_000; i++) {
      counts[random.nextInt(32)]++;
    }
    for (int value = 0; value < 32; value++) {
      assertThat(counts[value]).as("value " + value).isBetween(800, 1200);
    }
  }

  @Test
  void threadsDrawUnrelatedBytes() throws Exception {
    PerThreadSecureRandom random = new PerThreadSecureRandom();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        tasks.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    byte[] bytes = new byte[16];
                    random.nextBytes(bytes);
                    assertThat(seen.add(HexFormat.of().formatHex(bytes))).isTrue();
                  }
                }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(8_000);
  }
}
