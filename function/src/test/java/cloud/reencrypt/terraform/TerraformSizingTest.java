package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sizing.tf} evaluated by Terraform itself: {@code variables.tf} and {@code sizing.tf} name
 * no provider, so {@code terraform console} evaluates them offline, with the defaults or other
 * values, including the variables' validations. Skipped, visibly, where terraform is not installed.
 * The preconditions in {@code function.tf} and {@code async.tf} compare these locals only.
 */
class TerraformSizingTest {
  private static final List<String> PROVIDER_FREE_FILES = List.of("variables.tf", "sizing.tf");

  @TempDir Path module;
  private TerraformConsole terraform;

  @BeforeEach
  void copyProviderFreeFiles() throws IOException {
    Optional<TerraformConsole> console = TerraformConsole.over(module, PROVIDER_FREE_FILES);
    assumeTrue(console.isPresent(), "terraform is not on PATH: skipping the sizing evaluation");
    terraform = console.get();
  }

  @Test
  void sizing_defaults_fitOnePartAndShareTheBudgetEvenly() throws Exception {
    List<Long> values =
        numbers(
            Map.of(),
            "local.kms_tps_budget",
            "local.kms_max_tps",
            "local.api_kms_total_tps",
            "local.obs_kms_total_tps",
            "local.part_seconds");

    assertEquals(List.of(800L, 133L, 532L, 266L, 247L), values);
    assertEquals("true", evaluate(Map.of(), "local.obs_timeout_fits_one_part"));
    assertEquals("true", evaluate(Map.of(), "local.api_timeout_fits_batch"));
    assertEquals("true", evaluate(Map.of(), "local.work_outlives_event_age"));
  }

  @ParameterizedTest(name = "api {0}, obs {1}")
  @CsvSource({"4, 2", "1, 1", "4, 20", "2, 100", "1, 799"})
  void kmsTotalTps_overMaxInstances_isThePerInstanceRateAndWithinTheBudget(int api, int obs)
      throws Exception {
    Map<String, String> instances =
        Map.of("api_max_instances", "" + api, "obs_max_instances", "" + obs);
    List<Long> v =
        numbers(
            instances,
            "local.kms_tps_budget",
            "local.kms_max_tps",
            "local.api_kms_total_tps",
            "local.obs_kms_total_tps");

    assertEquals(v.get(1) * api, v.get(2), "API KMS_TOTAL_TPS / MAX_INSTANCES");
    assertEquals(v.get(1) * obs, v.get(3), "OBS KMS_TOTAL_TPS / MAX_INSTANCES");
    assertTrue(v.get(2) + v.get(3) <= v.get(0), "both functions together exceed the budget " + v);
    assertTrue(v.get(1) >= 1, "less than one request/s per instance " + v);
  }

  @Test
  void partSizing_tooManyInstancesForThePart_failsUntilThePartShrinks() throws Exception {
    Map<String, String> many = Map.of("obs_max_instances", "20");
    Map<String, String> smallerParts = Map.of("obs_max_instances", "20", "part_bytes", "1048576");

    assertEquals("false", evaluate(many, "local.obs_timeout_fits_one_part"));
    assertEquals("true", evaluate(smallerParts, "local.obs_timeout_fits_one_part"));
  }

  @Test
  void partSizing_measuredRateBelowKms_lengthensThePart() throws Exception {
    Map<String, String> slow = Map.of("manifest_lines_per_second", "20");

    assertEquals(List.of(1639L), numbers(slow, "local.part_seconds"));
    assertEquals("false", evaluate(slow, "local.obs_timeout_fits_one_part"));
  }

  @Test
  void workExpiry_notLongerThanTheEventAge_failsThePrecondition() throws Exception {
    Map<String, String> dayOld = Map.of("work_expiry_days", "1", "async_max_event_age_s", "86400");
    Map<String, String> hourOld = Map.of("work_expiry_days", "1", "async_max_event_age_s", "3600");

    assertEquals("false", evaluate(dayOld, "local.work_outlives_event_age"));
    assertEquals("true", evaluate(hourOld, "local.work_outlives_event_age"));
  }

  @Test
  void objectTriggerType_anythingButEventGridOrObs_isRejected() throws Exception {
    TerraformBinary.Result result =
        console(Map.of("object_trigger_type", "S3"), "var.object_trigger_type");

    assertTrue(result.refused(), result.output());
    assertTrue(
        result.output().contains("object_trigger_type must be EVENTGRID or OBS"), result.output());
  }

  @Test
  void asyncRetries_aboveThree_areRejected() throws Exception {
    TerraformBinary.Result result =
        console(Map.of("async_max_retries", "4"), "var.async_max_retries");

    assertTrue(result.refused(), result.output());
  }

  @Test
  void preconditions_compareTheEvaluatedLocals() {
    TerraformConfig config = TerraformConfig.deployment();
    HclSource source = HclSource.deployment();
    Wiring wiring = new Wiring(config);

    assertTrue(
        source
            .block(wiring.obsFunction())
            .contains("condition     = local.obs_timeout_fits_one_part"),
        "the OBS function's timeout is not held to one part");
    assertTrue(
        source.block(wiring.obsFunction()).contains("condition     = local.fanout_holds_a_part"),
        "fanout_bytes is not held to at least one part");
    assertTrue(
        source.block(wiring.apiFunction()).contains("condition     = local.api_timeout_fits_batch"),
        "the API function's timeout is not held to one batch");
  }

  private List<Long> numbers(Map<String, String> variables, String... locals) throws Exception {
    String joined =
        "join(\",\", ["
            + String.join(", ", Arrays.stream(locals).map(l -> "tostring(" + l + ")").toList())
            + "])";
    return Arrays.stream(evaluate(variables, joined).split(",")).map(Long::parseLong).toList();
  }

  private String evaluate(Map<String, String> variables, String expression) throws Exception {
    return terraform.evaluate(variables, expression);
  }

  private TerraformBinary.Result console(Map<String, String> variables, String expression)
      throws IOException, InterruptedException {
    return terraform.run(variables, expression);
  }
}
