package cloud.reencrypt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the OBS store is configured: {@link ObsDialect}. */
class ObsSettingsTest {
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
