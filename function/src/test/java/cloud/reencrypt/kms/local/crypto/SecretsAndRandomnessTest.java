package cloud.reencrypt.kms.local.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretsAndRandomnessTest {

  @Test
  void wipe_severalArraysWithNulls_zeroesEveryArray() {
    byte[] a = {1, 2, 3};
    byte[] b = {4, 5};
    Secrets.wipe(a, null, b);
    assertArrayEquals(new byte[3], a);
    assertArrayEquals(new byte[2], b);
    assertDoesNotThrow(() -> Secrets.wipe((byte[][]) null));
    assertDoesNotThrow(() -> Secrets.wipe());
  }

  @Test
  void bytes_twoDraws_haveRequestedLengthAndDiffer() {
    byte[] first = Randomness.bytes(32);
    byte[] second = Randomness.bytes(32);
    assertEquals(32, first.length);
    assertEquals(0, Randomness.bytes(0).length);
    assertFalse(Arrays.equals(first, second));
  }
}
