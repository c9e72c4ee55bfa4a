package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudKmsConfigTest {
  private static final Credentials AGENCY = new Credentials("AKAGENCY", "SKAGENCY", "TOKEN");
  private static final Credentials LOCAL = new Credentials("AKLOCAL", "SKLOCAL", null);
  private final Map<String, String> config = new HashMap<>(Map.of("REGION", "cn-north-4"));

  @Test
  void fromConfig_functionGraph_usesAgencyKeyAndContextProjectWithDefaults() {
    AtomicBoolean chainRead = new AtomicBoolean();
    CloudKmsSettings settings =
        CloudKmsConfig.fromConfig(
            config::get,
            Optional.of(AGENCY),
            "ctx-project",
            () -> {
              chainRead.set(true);
              return Optional.empty();
            });
    assertEquals(URI.create("https://kms.cn-north-4.myhuaweicloud.com"), settings.endpoint());
    assertEquals("ctx-project", settings.projectId());
    assertEquals(AGENCY, settings.accessKey());
    assertEquals(Duration.ofMillis(3000), settings.connectTimeout());
    assertEquals(Duration.ofMillis(10000), settings.readTimeout());
    assertEquals(5, settings.maxAttempts());
    assertEquals(0, settings.maxTps());
    assertFalse(chainRead.get(), "the local chain is not consulted inside FunctionGraph");
  }

  @Test
  void fromConfig_explicitSettings_winOverContextAndDefaults() {
    config.putAll(
        Map.of(
            "KMS_ENDPOINT", "http://127.0.0.1:8443",
            "RUNTIME_PROJECT_ID", "configured-project",
            "KMS_CONNECT_TIMEOUT_MS", "250",
            "KMS_READ_TIMEOUT_MS", "1500",
            "KMS_MAX_ATTEMPTS", "3",
            "KMS_MAX_TPS", "800.5"));
    CloudKmsSettings settings =
        CloudKmsConfig.fromConfig(config::get, Optional.of(AGENCY), "ctx-project", Optional::empty);
    assertEquals(URI.create("http://127.0.0.1:8443"), settings.endpoint());
    assertEquals("configured-project", settings.projectId());
    assertEquals(Duration.ofMillis(250), settings.connectTimeout());
    assertEquals(Duration.ofMillis(1500), settings.readTimeout());
    assertEquals(3, settings.maxAttempts());
    assertEquals(800.5, settings.maxTps());
  }

  @Test
  void fromConfig_locally_usesTheSdkChainAndItsProject() {
    CloudKmsSettings settings =
        CloudKmsConfig.fromConfig(
            config::get,
            Optional.empty(),
            null,
            () -> Optional.of(new SdkCredentialChain.Found(LOCAL, "chain-project")));
    assertEquals(LOCAL, settings.accessKey());
    assertEquals("chain-project", settings.projectId());
  }

  @Test
  void fromConfig_noCredentialsAnywhere_failsNamingTheVariables() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CloudKmsConfig.fromConfig(config::get, Optional.empty(), "p", Optional::empty));
    assertTrue(e.getMessage().contains("HUAWEICLOUD_SDK_AK"), e.getMessage());
  }

  @Test
  void fromConfig_noProjectAnywhere_failsNamingRuntimeProjectId() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CloudKmsConfig.fromConfig(
                    config::get,
                    Optional.empty(),
                    "",
                    () -> Optional.of(new SdkCredentialChain.Found(LOCAL, null))));
    assertTrue(e.getMessage().contains("RUNTIME_PROJECT_ID"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "eu-west-101, https://kms.eu-west-101.myhuaweicloud.eu",
    "ap-southeast-1, https://kms.ap-southeast-1.myhuaweicloud.com",
    "xx-future-9, https://kms.xx-future-9.myhuaweicloud.com"
  })
  void endpoint_fromRegion_usesTheSdkTableThenThePattern(String region, String endpoint) {
    assertEquals(URI.create(endpoint), CloudKmsConfig.endpoint(Map.of("REGION", region)::get));
  }

  @ParameterizedTest
  @CsvSource({
    "KMS_ENDPOINT, ftp://kms.example, KMS_ENDPOINT",
    "KMS_ENDPOINT, 'not a url', KMS_ENDPOINT",
    "REGION, 'cn north', REGION",
    "KMS_MAX_ATTEMPTS, 0, KMS_MAX_ATTEMPTS",
    "KMS_MAX_ATTEMPTS, 11, KMS_MAX_ATTEMPTS",
    "KMS_READ_TIMEOUT_MS, soon, KMS_READ_TIMEOUT_MS",
    "KMS_CONNECT_TIMEOUT_MS, -1, KMS_CONNECT_TIMEOUT_MS",
    "KMS_MAX_TPS, 0, KMS_MAX_TPS",
    "KMS_MAX_TPS, lots, KMS_MAX_TPS",
    "KMS_TOTAL_TPS, -5, KMS_TOTAL_TPS",
    "KMS_TOTAL_TPS, Infinity, KMS_TOTAL_TPS",
    "MAX_INSTANCES, 0, MAX_INSTANCES",
    "MAX_INSTANCES, 1001, MAX_INSTANCES",
    "MAX_INSTANCES, 2.5, MAX_INSTANCES"
  })
  void fromConfig_malformedSetting_failsNamingIt(String name, String value, String named) {
    config.put(name, value);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CloudKmsConfig.fromConfig(config::get, Optional.of(AGENCY), "p", Optional::empty));
    assertTrue(e.getMessage().startsWith(named), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "'', '', '', 0",
    "'', 200, '', 200",
    "'', 200, 8, 25",
    "10, 200, 8, 10",
    "30, '', 8, 30",
    "'', '', 8, 0"
  })
  void fromConfig_totalBudget_givesEachInstanceItsShareOrTheLowerMax(
      String maxTps, String totalTps, String instances, double perInstance) {
    config.putAll(
        Map.of("KMS_MAX_TPS", maxTps, "KMS_TOTAL_TPS", totalTps, "MAX_INSTANCES", instances));
    CloudKmsSettings settings =
        CloudKmsConfig.fromConfig(config::get, Optional.of(AGENCY), "p", Optional::empty);
    assertEquals(perInstance, settings.maxTps());
  }

  @Test
  void fromConfig_malformedMaxInstances_namesItsRange() {
    config.put("MAX_INSTANCES", "many");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CloudKmsConfig.fromConfig(config::get, Optional.of(AGENCY), "p", Optional::empty));
    assertEquals("MAX_INSTANCES must be an integer from 1 to 1000: many", e.getMessage());
  }

  @Test
  void fromConfig_neitherEndpointNorRegion_fails() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CloudKmsConfig.fromConfig(name -> null, Optional.of(AGENCY), "p", Optional::empty));
    assertTrue(e.getMessage().contains("KMS_ENDPOINT or REGION"), e.getMessage());
  }

  @Test
  void accessKey_toString_hidesTheSecretAndToken() {
    String shown =
        new CloudKmsSettings(
                URI.create("http://127.0.0.1:1"),
                "p",
                AGENCY,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                1,
                0)
            .toString();
    assertTrue(shown.contains("Credentials[temporary=true]"), shown);
    assertFalse(shown.contains("SKAGENCY"), shown);
    assertFalse(shown.contains("TOKEN,") || shown.contains("=TOKEN"), shown);
  }
}
