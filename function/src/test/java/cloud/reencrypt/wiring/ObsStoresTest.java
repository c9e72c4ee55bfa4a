package cloud.reencrypt.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.config.Credentials;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The OBS store's settings off FunctionGraph: the {@code OBS_*} variables, and the one line a
 * missing endpoint gives.
 */
class ObsStoresTest {
  @Test
  void fromEnvironment_keyPairAndToken_readsTemporaryCredentials() {
    Credentials credentials =
        ObsStores.fromEnvironment(
            Map.of(
                "OBS_ACCESS_KEY_ID", "AK",
                "OBS_SECRET_ACCESS_KEY", "SK",
                "OBS_SECURITY_TOKEN", "TOKEN"));

    assertEquals(new Credentials("AK", "SK", "TOKEN"), credentials);
    assertTrue(credentials.isTemporary());
  }

  @Test
  void fromEnvironment_blankToken_readsPermanentCredentials() {
    Credentials credentials =
        ObsStores.fromEnvironment(
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
            () -> ObsStores.fromEnvironment(Map.of("OBS_ACCESS_KEY_ID", "AK")));

    assertTrue(e.getMessage().contains("OBS_SECRET_ACCESS_KEY"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void forInvocation_noEndpoint_givesTheCallersAlternative() {
    Configuration configuration = Configuration.read(name -> null, false);

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ObsStores.forInvocation(
                    configuration, Optional.empty(), "to reach OBS (or give --objects DIR)"));

    assertEquals(
        "configuration: OBS_ENDPOINT is required to reach OBS (or give --objects DIR)",
        e.getMessage());
  }

  @Test
  void forInvocation_noEndpointForTheObsHandler_pointsAtInvoke() {
    Configuration configuration = Configuration.read(name -> null, false);

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ObsStores.forInvocation(configuration, Optional.empty()));

    assertEquals(
        "configuration: OBS_ENDPOINT is required for OBS events (or run invoke with --objects DIR)",
        e.getMessage());
  }
}
