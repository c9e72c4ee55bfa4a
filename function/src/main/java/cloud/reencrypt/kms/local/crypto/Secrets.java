package cloud.reencrypt.kms.local.crypto;

import java.util.Arrays;

/** Wipes secret byte arrays (plaintexts, data keys, raw key material) once they are used. */
public final class Secrets {
  private Secrets() {}

  /** Overwrites every given array with zeros; {@code null} arrays (and a null list) are skipped. */
  public static void wipe(byte[]... arrays) {
    if (arrays == null) {
      return;
    }
    for (byte[] array : arrays) {
      if (array != null) {
        Arrays.fill(array, (byte) 0);
      }
    }
  }
}
