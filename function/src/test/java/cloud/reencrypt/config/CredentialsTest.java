package cloud.reencrypt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  @Test
  void toString_credentials_showsNoKeyOrToken() {
    String text = new Credentials("AKID123", "SECRET456", "TOKEN789").toString();

    assertFalse(
        text.contains("AKID123") || text.contains("SECRET456") || text.contains("TOKEN789"));
  }

  @Test
  void ifPresent_blankSecret_isEmpty() {
    assertEquals(Optional.empty(), Credentials.ifPresent("AK", " ", null));
  }

  @Test
  void new_blankToken_isPermanent() {
    Credentials credentials = new Credentials("AK", "SK", "");

    assertFalse(credentials.isTemporary());
    assertTrue(new Credentials("AK", "SK", "T").isTemporary());
  }

  @Test
  void new_missingAccessKey_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Credentials(null, "SK", null));
  }
}
