package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The functions' user data against {@link Setting}: every name set is one the code reads, and every
 * name the code reads is set or listed in terraform/README.md as left at its default on purpose;
 * the values that must move together (instances, the KMS budget, the jobs API) come from one
 * variable each.
 */
class TerraformSettingsTest {
  /**
   * The parts of {@link Setting#readBy()} that name one function's handler; a setting whose readers
   * name none of them (an engine, "all") applies to both functions.
   */
  private static final Map<String, Boolean> HANDLER_READERS =
      Map.of("OBS handler", false, "API handler", true, "jobs API", true);

  private static final Pattern OPTIONAL_SECTION =
      Pattern.compile(
          "<!-- terraform-optional-settings -->(.*?)<!-- /terraform-optional-settings -->",
          Pattern.DOTALL);
  private static final Pattern TABLE_ROW_NAME =
      Pattern.compile("^\\|\\s*`([A-Z0-9_]+)`\\s*\\|", Pattern.MULTILINE);

  private final TerraformConfig config = TerraformConfig.deployment();
  private final HclSource source = HclSource.deployment();
  private final Wiring wiring = new Wiring(config);

  @Test
  void userData_everyKey_isASetting() {
    Set<String> known = Arrays.stream(Setting.values()).map(Enum::name).collect(Collectors.toSet());

    for (TfBlock function : wiring.functions()) {
      Set<String> unknown = new TreeSet<>(keys(function));
      unknown.removeAll(known);
      assertEquals(Set.of(), unknown, function.address() + " sets names the code never reads");
    }
  }

  @Test
  void userData_everySettingItsHandlerReads_isSetOrDocumentedOptional() throws IOException {
    Set<String> optional = documentedOptional();

    for (TfBlock function : wiring.functions()) {
      boolean api = wiring.apiFunctions().contains(function);
      Set<String> missing = new TreeSet<>();
      for (Setting setting : Setting.values()) {
        if (appliesTo(setting, api)
            && !keys(function).contains(setting.name())
            && !optional.contains(setting.name())) {
          missing.add(setting.name());
        }
      }
      assertEquals(Set.of(), missing, function.address() + " neither sets nor documents these");
    }
  }

  @Test
  void userData_engine_isKms() {
    for (TfBlock function : wiring.functions()) {
      assertEquals(
          "kms",
          wiring.userData(function).path(Setting.REENCRYPT_ENGINE.name()).asText(),
          function.address());
    }
  }

  @Test
  void documentedOptional_names_areSettingsNoFunctionSets() throws IOException {
    Set<String> optional = documentedOptional();
    Set<String> known = Arrays.stream(Setting.values()).map(Enum::name).collect(Collectors.toSet());

    assertFalse(optional.isEmpty(), "no optional-settings table found in terraform/README.md");
    assertTrue(known.containsAll(optional), "documented but not a Setting: " + optional);
    for (TfBlock function : wiring.functions()) {
      for (String name : optional) {
        assertFalse(keys(function).contains(name), function.address() + " sets optional " + name);
      }
    }
  }

  @Test
  void userData_handlerSpecificSettings_stayWithTheirFunction() {
    for (TfBlock function : wiring.functions()) {
      boolean api = wiring.apiFunctions().contains(function);
      Set<String> foreign = new TreeSet<>();
      for (String key : keys(function)) {
        if (!appliesTo(Setting.valueOf(key), api)) {
          foreign.add(key);
        }
      }
      assertEquals(Set.of(), foreign, function.address() + " sets another handler's settings");
    }
  }

  @Test
  void instances_maxInstanceNumAndMaxInstances_comeFromOneVariable() {
    for (TfBlock function : wiring.functions()) {
      Set<String> platform = source.variablesReachedBy(expression(function, "max_instance_num"));
      Set<String> setting =
          source.variablesReachedBy(userDataExpression(function, "MAX_INSTANCES"));

      assertEquals(1, platform.size(), function.address() + ".max_instance_num from " + platform);
      assertEquals(platform, setting, function.address() + " MAX_INSTANCES vs max_instance_num");
    }
  }

  @Test
  void kmsTotalTps_perFunction_followsItsInstancesAndTheDeploymentBudget() {
    Set<String> budget = source.variablesReachedBy("local.kms_tps_budget");
    assertFalse(budget.isEmpty(), "the KMS budget comes from no variable");

    for (TfBlock function : wiring.functions()) {
      String instances =
          source.variablesReachedBy(expression(function, "max_instance_num")).iterator().next();
      Set<String> total = source.variablesReachedBy(userDataExpression(function, "KMS_TOTAL_TPS"));
      Set<String> perInstance =
          source.variablesReachedBy(userDataExpression(function, Setting.KMS_MAX_TPS.name()));

      assertTrue(
          total.contains(instances), function.address() + " KMS_TOTAL_TPS ignores " + instances);
      assertTrue(
          total.containsAll(budget), function.address() + " KMS_TOTAL_TPS ignores the budget");
      assertTrue(
          source
              .localsReachedBy(userDataExpression(function, "KMS_TOTAL_TPS"))
              .containsAll(source.localsReachedBy(userDataExpression(function, "KMS_MAX_TPS"))),
          function.address() + ": KMS_MAX_TPS must be the per-instance part of KMS_TOTAL_TPS");
      assertTrue(total.containsAll(perInstance), function.address());
    }
  }

  @Test
  void jobsApiEnabled_apiFunction_followsTheVariableThatOpensTheRoutes() {
    TfBlock api = wiring.apiFunction();

    assertEquals(
        "tostring(var.jobs_api_enabled)",
        userDataExpression(api, Setting.JOBS_API_ENABLED.name()),
        api.address() + " JOBS_API_ENABLED");
  }

  /**
   * The allowed buckets follow the variable and the jobs API switch; the limit its own variable
   * ({@link TerraformSweepTest} renders both and reads them back as the function does).
   */
  @Test
  void sweepSettings_apiFunction_followTheSweepVariables() {
    TfBlock api = wiring.apiFunction();

    assertEquals(
        Set.of("var.jobs_api_enabled", "var.sweep_allowed_buckets"),
        source.variablesReachedBy(userDataExpression(api, Setting.SWEEP_ALLOWED_BUCKETS.name())),
        api.address() + " SWEEP_ALLOWED_BUCKETS");
    assertEquals(
        "tostring(var.max_running_jobs)",
        userDataExpression(api, Setting.MAX_RUNNING_JOBS.name()),
        api.address() + " MAX_RUNNING_JOBS");
    assertEquals(
        Optional.of(Double.parseDouble(Setting.MAX_RUNNING_JOBS.defaultValue())),
        config.variableDefault("max_running_jobs").map(n -> ((Number) n).doubleValue()),
        "max_running_jobs defaults to something else than the function");
  }

  /**
   * A setting both handlers read names one thing: the jobs routes open the store the OBS function
   * uses, and a sweep's plan carries the API function's output location and destination to the OBS
   * function, which writes with them.
   */
  @Test
  void userData_settingsBothHandlersRead_haveTheSameValueInBothFunctions() {
    TfBlock api = wiring.apiFunction();
    TfBlock obs = wiring.obsFunction();
    List<Setting> shared =
        Arrays.stream(Setting.values())
            .filter(setting -> appliesTo(setting, true) && appliesTo(setting, false))
            .filter(setting -> !readByEveryFunction(setting))
            .toList();

    assertTrue(shared.contains(Setting.OBS_ENDPOINT), "shared settings: " + shared);
    for (Setting setting : shared) {
      assertEquals(
          userDataExpression(obs, setting.name()),
          userDataExpression(api, setting.name()),
          setting + " differs between " + api.address() + " and " + obs.address());
    }
  }

  /** Whether a setting names no handler (an engine's, or "all"), so each function sets its own. */
  private static boolean readByEveryFunction(Setting setting) {
    return Arrays.stream(setting.readBy().split(",\\s*")).noneMatch(HANDLER_READERS::containsKey);
  }

  /** Whether a function (the API one or the OBS one) has a use for a setting. */
  private static boolean appliesTo(Setting setting, boolean api) {
    List<Boolean> handlers =
        Arrays.stream(setting.readBy().split(",\\s*"))
            .filter(HANDLER_READERS::containsKey)
            .map(HANDLER_READERS::get)
            .toList();
    return handlers.isEmpty() || handlers.contains(api);
  }

  private String expression(TfBlock function, String attribute) {
    return source
        .attribute(function, attribute)
        .orElseThrow(() -> new AssertionError(function.address() + " sets no " + attribute));
  }

  private String userDataExpression(TfBlock function, String key) {
    assertTrue(keys(function).contains(key), function.address() + " sets no " + key);
    return expression(function, key);
  }

  private Set<String> keys(TfBlock function) {
    Set<String> keys = new LinkedHashSet<>();
    wiring.userData(function).fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /**
   * The names in the table of settings the deployment leaves at their defaults (between the {@code
   * terraform-optional-settings} markers) in terraform/README.md.
   */
  private static Set<String> documentedOptional() throws IOException {
    Path readme = TerraformConfig.repositoryRoot().resolve("terraform/README.md");
    Matcher section = OPTIONAL_SECTION.matcher(Files.readString(readme));
    Set<String> names = new TreeSet<>();
    if (section.find()) {
      Matcher row = TABLE_ROW_NAME.matcher(section.group(1));
      while (row.find()) {
        names.add(row.group(1));
      }
    }
    return names;
  }
}
