package dev.flowlet.streams.rules.evaluation;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The devices an account was used from, as 64-bit fingerprints (the device ids themselves are not
 * kept), each with when it was last seen. Bounded: beyond the limit the least recently seen device
 * is forgotten.
 */
public final class KnownDevices {

  private long[] fingerprints = new long[2];
  private long[] lastSeen = new long[2];
  private int size;

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public boolean contains(long fingerprint) {
    return indexOf(fingerprint) >= 0;
  }

  /** Records that {@code fingerprint} was used at {@code at}, keeping at most {@code max}. */
  public void see(long fingerprint, long at, int max) {
    int index = indexOf(fingerprint);
    if (index >= 0) {
      lastSeen[index] = Math.max(lastSeen[index], at);
      return;
    }
    if (size == fingerprints.length) {
      fingerprints = Arrays.copyOf(fingerprints, size * 2);
      lastSeen = Arrays.copyOf(lastSeen, size * 2);
    }
    fingerprints[size] = fingerprint;
    lastSeen[size] = at;
    size++;
    while (size > max) {
      forgetLeastRecent();
    }
  }

  /** A stable 64-bit fingerprint of a device id (FNV-1a), the same in every JVM. */
  public static long fingerprint(String deviceId) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < deviceId.length(); i++) {
      hash ^= deviceId.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  private void forgetLeastRecent() {
    int oldest = 0;
    for (int i = 1; i < size; i++) {
      if (lastSeen[i] < lastSeen[oldest]) {
        oldest = i;
      }
    }
    size--;
    fingerprints[oldest] = fingerprints[size];
    lastSeen[oldest] = lastSeen[size];
  }

  private int indexOf(long fingerprint) {
    for (int i = 0; i < size; i++) {
      if (fingerprints[i] == fingerprint) {
        return i;
      }
    }
    return -1;
  }

  int encodedSize() {
    return Integer.BYTES + size * 2 * Long.BYTES;
  }

  void encode(ByteBuffer buffer) {
    buffer.putInt(size);
    for (int i = 0; i < size; i++) {
      buffer.putLong(fingerprints[i]).putLong(lastSeen[i]);
    }
  }

  static KnownDevices decode(ByteBuffer buffer) {
    KnownDevices devices = new KnownDevices();
    int size = buffer.getInt();
    devices.fingerprints = new long[Math.max(2, size)];
    devices.lastSeen = new long[Math.max(2, size)];
    for (int i = 0; i < size; i++) {
      devices.fingerprints[i] = buffer.getLong();
      devices.lastSeen[i] = buffer.getLong();
    }
    devices.size = size;
    return devices;
  }
}
