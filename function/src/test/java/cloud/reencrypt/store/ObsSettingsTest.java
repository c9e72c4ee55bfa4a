package cloud.reencrypt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the OBS store is configured: {@link ObsCredentials} and {@link ObsDialect}. */
class ObsSettingsTest {
  @Test
  void fromEnvironment_keyPairAndToken_readsTemporaryCredentials() {
    ObsCredentials credentials =
        ObsCredentials.fromEnvironment(
            Map.of(
                "OBS_ACCESS_KEY_ID", "AK",
                "OBS_SECRET_ACCESS_KEY", "SK",
                "OBS_SECURITY_TOKEN", "TOKEN"));

    assertEquals(new ObsCredentials("AK", "SK", "TOKEN"), credentials);
    assertTrue(credentials.isTemporary());
  }

  @Test
  void fromEnvironment_blankToken_readsPermanentCredentials() {
    ObsCredentials credentials =
        ObsCredentials.fromEnvironment(
            Map.of(
                "OBS_ACCESS_KEY_ID",
                "AK",
                "OBS_SECRET_ACCESS_KEY",
                "SK",
                "OBS_SECURITY_TOKEN",
                ""));

    assertNull(credentials.securityToken());
    assertFalse(credentials.isTemporary());
  }

  @Test
  void fromEnvironment_missingSecret_failsNamingTheVariables() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ObsCredentials.fromEnvironment(Map.of("OBS_ACCESS_KEY_ID", "AK")));

    assertTrue(e.getMessage().contains("OBS_SECRET_ACCESS_KEY"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void toString_credentials_showsNoKeyOrToken() {
    String text = new ObsCredentials("AKID123", "SECRET456", "TOKEN789").toString();

    assertFalse(
        text.contains("AKID123") || text.contains("SECRET456") || text.contains("TOKEN789"));
  }

  @Test
  void forEndpoint_cloudHostName_isObsDialect() {
    assertEquals(
        ObsDialect.OBS, ObsDialect.forEndpoint("https://obs.cn-north-4.myhuaweicloud.com"));
    assertEquals(ObsDialect.OBS, ObsDialect.forEndpoint("obs.ap-southeast-1.myhuaweicloud.com"));
  }

  @Test
  void forEndpoint_loopbackOrAddress_isS3PathStyle() {
    assertEquals(ObsDialect.S3_PATH_STYLE, ObsDialect.forEndpoint("http://127.0.0.1:9000"));
    assertEquals(ObsDialect.S3_PATH_STYLE, ObsDialect.forEndpoint("http://localhost:9000"));
    assertEquals(ObsDialect.S3_PATH_STYLE, ObsDialect.forEndpoint("http://[::1]:9000"));
  }

  @Test
  void parse_notAnHttpUrl_failsWithOneLine() {
    for (String endpoint : new String[] {"", "ftp://obs.example", "http://", "https://bad host"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ObsDialect.parse(endpoint), endpoint);
      assertTrue(e.getMessage().startsWith("invalid OBS endpoint"), e.getMessage());
    }
  }
}
