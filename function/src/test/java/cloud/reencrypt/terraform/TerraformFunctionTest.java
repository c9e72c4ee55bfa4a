package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Setting;
import cloud.reencrypt.kms.KmsOperations;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The functions and the API in {@code terraform/} against the compiled code and the build. */
class TerraformFunctionTest {
  private static final String APIG_EVENT =
      "com.huawei.services.runtime.entity.apig.APIGTriggerEvent";
  private static final String KMS_PATH_PREFIX = "/v1.0/{project_id}/kms/";
  private static final String JOBS_PATH = KMS_PATH_PREFIX + "jobs/{id}";
  private static final String JOBS_API = Wiring.API + ".jobs";
  private static final String SWEEP_PATH = KMS_PATH_PREFIX + "jobs/sweep";
  private static final String SWEEP_API = Wiring.API + ".kms";
  private static final String POST_ROUTES =
      "merge(local.kms_api_routes, local.sweeps_enabled ? local.sweep_api_routes : {})";
  private static final String PUBLISHMENT = "huaweicloud_apig_api_publishment";

  private final TerraformConfig config = TerraformConfig.deployment();
  private final HclSource source = HclSource.deployment();
  private final Wiring wiring = new Wiring(config);

  @Test
  void handlers_everyFunction_resolveToFunctionGraphMethods() {
    assertFalse(wiring.functions().isEmpty(), "no huaweicloud_fgs_function in terraform/");

    assertAll(
        wiring.functions().stream()
            .map(f -> (Executable) () -> HandlerMethods.resolve((String) f.get("handler"))));
  }

  @Test
  void startupHooks_everyFunction_resolveToContextMethodsOfTheHandlersClass() {
    assertAll(
        wiring.functions().stream()
            .flatMap(
                f ->
                    Stream.of("initializer_handler", "restore_hook_handler")
                        .map(
                            hook ->
                                (Executable)
                                    () ->
                                        HandlerMethods.resolveHook(
                                            (String) f.get(hook), (String) f.get("handler")))));
  }

  @Test
  void startupHookTimeouts_everyFunction_withinFunctionGraphsOneTo300Seconds() {
    for (TfBlock function : wiring.functions()) {
      for (String timeout : List.of("initializer_timeout", "restore_hook_timeout")) {
        Object value = function.get(timeout);
        Object resolved =
            HclValues.reference(value)
                .map(name -> config.local(name.substring("local.".length())))
                .orElse(value);
        int seconds = ((Number) resolved).intValue();
        assertTrue(seconds >= 1 && seconds <= 300, function.address() + " " + timeout);
      }
    }
  }

  @Test
  void apiRoutes_backendFunction_takesApigEvents() {
    assertFalse(wiring.apiFunctions().isEmpty(), "no API route calls a function");

    for (TfBlock function : wiring.apiFunctions()) {
      assertEquals(APIG_EVENT, eventType(function), function.address());
    }
  }

  @Test
  void objectTriggers_function_isNotTheApigHandler() {
    assertFalse(wiring.objectTriggers().isEmpty(), "no object trigger");

    for (TfBlock trigger : wiring.objectTriggers()) {
      TfBlock function = wiring.triggeredFunction(trigger);
      assertNotEquals(APIG_EVENT, eventType(function), function.address());
      assertFalse(wiring.apiFunctions().contains(function), function.address());
    }
  }

  @Test
  void runtime_everyFunction_matchesCompilerRelease() throws Exception {
    String runtime = "Java" + compilerRelease();

    for (TfBlock function : wiring.functions()) {
      assertEquals(runtime, function.get("runtime"), function.address());
    }
  }

  @Test
  void apiRoutes_paths_areKmsWirePathsPostedWithIamAuth() {
    Map<?, ?> routes = (Map<?, ?>) config.local("kms_api_routes");
    TfBlock api = config.resourceReferencedBy(Wiring.API + ".kms");

    assertEquals(
        Set.of(
            KMS_PATH_PREFIX + KmsOperations.RE_ENCRYPT.path(),
            KMS_PATH_PREFIX + "batch-re-encrypt"),
        Set.copyOf(routes.values()));
    assertEquals(
        Optional.of(POST_ROUTES),
        source.attribute(api, "for_each"),
        api.address() + " must create one API per route");
    assertEquals("POST", api.get("request_method"), api.address());
  }

  @Test
  void apiRoutes_every_isHttpsWithIamAuthAndPublished() {
    List<TfBlock> apis = config.resources(Wiring.API);
    List<TfBlock> publishments = config.resources(PUBLISHMENT);

    for (TfBlock api : apis) {
      assertEquals("IAM", api.get("security_authentication"), api.address());
      assertEquals("HTTPS", api.get("request_protocol"), api.address());
      assertTrue(
          publishments.stream()
              .anyMatch(
                  p -> Optional.of(api.address()).equals(HclValues.reference(p.get("for_each")))),
          api.address() + " is never published");
    }
  }

  @Test
  void jobsRoutes_whenDisabled_areNotCreated() {
    TfBlock jobs = config.resourceReferencedBy(JOBS_API);

    assertEquals(Optional.of(false), config.variableDefault("jobs_api_enabled"));
    assertEquals(
        Optional.of("var.jobs_api_enabled ? local.jobs_api_routes : {}"),
        source.attribute(jobs, "for_each"),
        jobs.address() + " must exist only with jobs_api_enabled");
    TfBlock sweep = config.resourceReferencedBy(SWEEP_API);
    for (TfBlock api : config.resources(Wiring.API)) {
      if (!api.equals(jobs) && !api.equals(sweep)) {
        assertFalse(
            String.valueOf(api.get("request_path")).contains("/jobs")
                || String.valueOf(api.get("for_each")).contains("/jobs"),
            api.address() + " serves a jobs path whether or not the jobs API is enabled");
      }
    }
  }

  /**
   * The sweep route exists only with sweeps enabled: the jobs API on and a bucket allowed ({@link
   * TerraformSweepTest} evaluates the switch). With no bucket allowed it could only answer 403.
   */
  @Test
  void sweepRoute_whenSweepsOff_isNotCreated() {
    TfBlock sweep = config.resourceReferencedBy(SWEEP_API);

    assertEquals(
        Optional.of(POST_ROUTES),
        source.attribute(sweep, "for_each"),
        sweep.address() + " must hold the sweep route only with sweeps enabled");
    assertTrue(
        source.variablesReachedBy("local.sweeps_enabled").contains("var.jobs_api_enabled"),
        "sweeps are enabled without the jobs API");
    assertEquals(Optional.of(List.of()), config.variableDefault("sweep_allowed_buckets"));
  }

  @Test
  void sweepRoute_methodAndPath_arePostOfJobsSweepWithIamAuthOnTheApiFunction() {
    TfBlock sweep = config.resourceReferencedBy(SWEEP_API);
    Map<?, ?> routes = (Map<?, ?>) config.local("sweep_api_routes");
    Set<String> pathParameters = new TreeSet<>();
    for (Map<String, Object> param : HclValues.blocks(sweep.get("request_params"))) {
      if ("PATH".equals(param.get("location"))) {
        pathParameters.add(String.valueOf(param.get("name")));
      }
    }

    assertEquals(
        Set.of(SWEEP_PATH), Set.copyOf(routes.values().stream().map(String::valueOf).toList()));
    assertTrue(
        Setting.SWEEP_ALLOWED_BUCKETS.description().contains(SWEEP_PATH),
        "the sweep path differs from the one SWEEP_ALLOWED_BUCKETS opens");
    assertEquals("POST", sweep.get("request_method"), sweep.address());
    assertEquals(Optional.of("each.value"), HclValues.reference(sweep.get("request_path")));
    assertEquals("IAM", sweep.get("security_authentication"), sweep.address());
    assertEquals("HTTPS", sweep.get("request_protocol"), sweep.address());
    assertEquals(Set.of("project_id"), pathParameters);
    assertEquals(
        Optional.of(wiring.apiFunction().address() + ".urn"),
        HclValues.reference(HclValues.blocks(sweep.get("func_graph")).get(0).get("function_urn")));
    assertTrue(
        config.resources(PUBLISHMENT).stream()
            .anyMatch(
                p -> Optional.of(sweep.address()).equals(HclValues.reference(p.get("for_each")))),
        sweep.address() + " is never published");
  }

  @Test
  void jobsRoutes_methodsAndPath_areGetAndDeleteOfOneJobOnTheApiFunction() {
    TfBlock jobs = config.resourceReferencedBy(JOBS_API);
    Map<?, ?> routes = (Map<?, ?>) config.local("jobs_api_routes");
    Set<String> methods = new TreeSet<>();
    Set<String> paths = new TreeSet<>();
    for (Object route : routes.values()) {
      methods.add(String.valueOf(((Map<?, ?>) route).get("method")));
      paths.add(String.valueOf(((Map<?, ?>) route).get("path")));
    }

    assertEquals(Set.of("GET", "DELETE"), methods);
    assertEquals(Set.of(JOBS_PATH), paths);
    assertTrue(
        Setting.JOBS_API_ENABLED.description().contains(JOBS_PATH),
        "the jobs path differs from the one JOBS_API_ENABLED opens");
    assertEquals(Optional.of("each.value.method"), HclValues.reference(jobs.get("request_method")));
    assertEquals(Optional.of("each.value.path"), HclValues.reference(jobs.get("request_path")));
    Set<String> pathParameters = new TreeSet<>();
    for (Map<String, Object> param : HclValues.blocks(jobs.get("request_params"))) {
      if ("PATH".equals(param.get("location"))) {
        pathParameters.add(String.valueOf(param.get("name")));
      }
    }
    assertEquals(Set.of("project_id", "id"), pathParameters);
    assertEquals(List.of(wiring.apiFunction()), wiring.apiFunctions());
  }

  private static String eventType(TfBlock function) {
    return HandlerMethods.resolve((String) function.get("handler"))
        .getParameterTypes()[0]
        .getName();
  }

  /** {@code maven.compiler.release} of the root pom, the Java version the classes target. */
  private static String compilerRelease()
      throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element project =
        factory
            .newDocumentBuilder()
            .parse(TerraformConfig.repositoryRoot().resolve("pom.xml").toFile())
            .getDocumentElement();
    return project.getElementsByTagName("maven.compiler.release").item(0).getTextContent().trim();
  }
}
