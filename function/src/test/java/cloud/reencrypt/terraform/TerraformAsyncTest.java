package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The OBS function's asynchronous invocation settings: object events are retried, may wait long
 * enough to be run, and when they fail for good they are recorded where nothing re-triggers on them
 * and no result lives.
 */
class TerraformAsyncTest {
  private final TerraformConfig config = TerraformConfig.deployment();
  private final HclSource source = HclSource.deployment();
  private final Wiring wiring = new Wiring(config);

  @Test
  void asyncConfig_obsFunction_isConfiguredOnce() {
    List<TfBlock> configs = config.resources(Wiring.ASYNC_CONFIG);

    assertEquals(1, configs.size(), "asynchronous invocation configurations: " + configs);
    assertEquals(
        wiring.obsFunction().address() + ".urn",
        HclValues.requireReference(configs.get(0).get("function_urn"), "function_urn"));
  }

  @Test
  void asyncConfig_defaults_retryThriceAndKeepEventsADay() {
    TfBlock async = asyncConfig();

    assertEquals(Optional.of(3.0), defaultOf(async.get("max_async_retry_attempts")));
    assertEquals(Optional.of(86400.0), defaultOf(async.get("max_async_event_age_in_seconds")));
  }

  @Test
  void asyncConfig_eventAge_isShorterThanTheWorkExpiry() {
    double ageSeconds = number(asyncConfig().get("max_async_event_age_in_seconds"));
    Map<String, Object> rule = HclValues.blocks(wiring.workBucket().get("lifecycle_rule")).get(0);
    double expiryDays = number(HclValues.blocks(rule.get("expiration")).get(0).get("days"));

    assertTrue(
        expiryDays * 86400 > ageSeconds,
        "a queued or retried event would find its job state expired");
    assertTrue(
        source.block(asyncConfig()).contains("local.work_outlives_event_age"),
        "no precondition holds the variables to it");
  }

  @Test
  void asyncConfig_failureDestination_isUnwatchedAndApartFromTheOutputs() {
    List<Map<String, Object>> failures = HclValues.blocks(asyncConfig().get("on_failure"));
    assertEquals(1, failures.size(), "a failed event must be recorded somewhere");
    Map<String, Object> failure = failures.get(0);
    JsonNode param = HclValues.json(failure.get("param"), "on_failure.param");
    TfBlock bucket = wiring.bucket(param.path("bucket"), "on_failure bucket");
    String prefix = String.valueOf(defaultOf(param.path("prefix")).orElse(""));
    String outputPrefix =
        String.valueOf(
            defaultOf(wiring.userData(wiring.obsFunction()).path(Setting.OUTPUT_PREFIX.name()))
                .orElse(""));

    assertEquals("OBS", failure.get("destination"));
    for (TfBlock trigger : config.resources(Wiring.TRIGGER)) {
      assertNotEquals(bucket, wiring.watchedBucket(trigger), trigger.address() + " watches it");
    }
    assertFalse(prefix.isEmpty(), "failure records need a prefix of their own");
    if (bucket.equals(wiring.outputBucket())) {
      assertFalse(
          new ObjectLocation("out", prefix).overlaps(new ObjectLocation("out", outputPrefix)),
          "failure records at " + prefix + " mix with results at " + outputPrefix);
    }
  }

  private TfBlock asyncConfig() {
    return config.resources(Wiring.ASYNC_CONFIG).get(0);
  }

  private double number(Object value) {
    return ((Number) defaultOf(value).orElseThrow()).doubleValue();
  }

  /** A literal, or the default of the variable it refers to. */
  private Optional<Object> defaultOf(Object value) {
    Optional<String> reference = HclValues.reference(value);
    if (reference.isEmpty()) {
      return Optional.ofNullable(value instanceof JsonNode node ? node.asText() : value);
    }
    assertTrue(reference.get().startsWith("var."), "not a literal or a variable: " + reference);
    return config.variableDefault(reference.get().substring(4));
  }
}
