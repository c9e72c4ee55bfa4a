package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sweeps.tf} evaluated by Terraform itself (it names no provider): which buckets the grants
 * and {@code SWEEP_ALLOWED_BUCKETS} name for a given {@code sweep_allowed_buckets} and {@code
 * jobs_api_enabled}, and what the variables refuse. The policies and the route use these locals
 * only ({@link TerraformAccessTest}, {@link TerraformFunctionTest}). Skipped, visibly, where
 * terraform is not installed.
 */
class TerraformSweepTest {
  private static final List<String> PROVIDER_FREE_FILES = List.of("variables.tf", "sweeps.tf");
  private static final Map<String, String> JOBS_ON = Map.of("jobs_api_enabled", "true");

  @TempDir Path module;
  private TerraformConsole terraform;
  private final HclSource source = HclSource.deployment();
  private final Wiring wiring = new Wiring(TerraformConfig.deployment());

  @BeforeEach
  void copyProviderFreeFiles() throws IOException {
    Optional<TerraformConsole> console = TerraformConsole.over(module, PROVIDER_FREE_FILES);
    assumeTrue(console.isPresent(), "terraform is not on PATH: skipping the sweep evaluation");
    terraform = console.get();
  }

  @Test
  void sweepGrants_allowedBuckets_nameEachAllowedBucketOnceAndNoOther() throws Exception {
    Map<String, String> allowed = allowing(true, "data-2", "data-1", "data-2");

    assertEquals("true", evaluate(allowed, "local.sweeps_enabled"));
    assertEquals(
        "obs:*:*:bucket:data-1,obs:*:*:bucket:data-2",
        evaluate(allowed, "join(\",\", local.sweep_bucket_resources)"));
    assertEquals(
        "obs:*:*:object:data-1/*,obs:*:*:object:data-2/*",
        evaluate(allowed, "join(\",\", local.sweep_object_resources)"));
  }

  @Test
  void sweepGrants_jobsApiOff_nameNoBucketAndOpenNoRoute() throws Exception {
    Map<String, String> jobsOff = allowing(false, "data-1");

    assertEquals("false", evaluate(jobsOff, "local.sweeps_enabled"));
    assertEquals("0", evaluate(jobsOff, "length(local.sweep_bucket_resources)"));
    assertEquals("0", evaluate(jobsOff, "length(local.sweep_object_resources)"));
  }

  @Test
  void sweepGrants_noBucketAllowed_nameNoBucketAndOpenNoRoute() throws Exception {
    assertEquals("false", evaluate(JOBS_ON, "local.sweeps_enabled"));
    assertEquals("0", evaluate(JOBS_ON, "length(local.sweep_bucket_resources)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "data-*", "data/*", "Data", "ab", "data,more", ""})
  void sweepAllowedBuckets_wildcardOrNotABucketName_isRejected(String name) throws Exception {
    TerraformBinary.Result result =
        terraform.run(allowing(true, name), "var.sweep_allowed_buckets");

    assertTrue(result.refused(), name + ":\n" + result.output());
    assertTrue(
        result.output().contains("sweep_allowed_buckets: bucket names only"), result.output());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1.5", "1001"})
  void maxRunningJobs_outsideOneToAThousandOrFractional_isRejected(String value) throws Exception {
    TerraformBinary.Result result =
        terraform.run(Map.of("max_running_jobs", value), "var.max_running_jobs");

    assertTrue(result.refused(), value + ":\n" + result.output());
  }

  /**
   * The API function's user data as Terraform renders it, read back as the function reads it: the
   * allowed buckets with sweeps on, none with the jobs API off, {@code max_running_jobs} as the
   * limit (2 by default, as the issue asks).
   */
  @Test
  void sweepSettings_renderedUserData_areWhatTheFunctionReads() throws Exception {
    TfBlock api = wiring.apiFunction();

    Configuration on = rendered(api, allowing(true, "data-1", "data-2"), "3");
    Configuration off = rendered(api, allowing(false, "data-1", "data-2"), null);

    assertEquals(Set.of("data-1", "data-2"), on.sweepAllowedBuckets());
    assertEquals(3, on.maxRunningJobs());
    assertEquals(Set.of(), off.sweepAllowedBuckets());
    assertEquals(2, off.maxRunningJobs());
  }

  @Test
  void sweepBuckets_theDeploymentsOwnBuckets_failThePreconditionTheInputBucketPasses()
      throws Exception {
    for (String own : List.of("output_bucket_name", "work_bucket_name", "code_bucket_name")) {
      Map<String, String> allowed = allowing(true, "data-1", TerraformConsole.required(own));
      assertEquals("false", evaluate(allowed, "local.sweep_buckets_are_sources"), own);
    }
    Map<String, String> input = allowing(true, TerraformConsole.required("input_bucket_name"));
    assertEquals("true", evaluate(input, "local.sweep_buckets_are_sources"));
    assertTrue(
        source
            .block(TerraformConfig.deployment().resourceReferencedBy(Wiring.SWEEP_READ_ROLE))
            .contains("condition     = local.sweep_buckets_are_sources"),
        Wiring.SWEEP_READ_ROLE + " does not hold the allowed buckets to sources");
  }

  /** The configuration the function reads from {@code SWEEP_*} user data rendered by Terraform. */
  private Configuration rendered(TfBlock api, Map<String, String> variables, String maxRunning)
      throws Exception {
    Map<String, String> all = new HashMap<>(variables);
    if (maxRunning != null) {
      all.put("max_running_jobs", maxRunning);
    }
    Map<String, String> userData = new HashMap<>();
    for (Setting setting : List.of(Setting.SWEEP_ALLOWED_BUCKETS, Setting.MAX_RUNNING_JOBS)) {
      String expression =
          source
              .attribute(api, setting.name())
              .orElseThrow(() -> new AssertionError(api.address() + " sets no " + setting));
      userData.put(setting.name(), evaluate(all, expression));
    }
    return Configuration.read(userData::get, true);
  }

  private static Map<String, String> allowing(boolean jobsApi, String... buckets) {
    StringBuilder list = new StringBuilder("[");
    for (String bucket : buckets) {
      list.append(list.length() > 1 ? "," : "").append('"').append(bucket).append('"');
    }
    return Map.of("jobs_api_enabled", String.valueOf(jobsApi), "sweep_allowed_buckets", list + "]");
  }

  private String evaluate(Map<String, String> variables, String expression) throws Exception {
    return terraform.evaluate(variables, expression);
  }
}
