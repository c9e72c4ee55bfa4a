package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsOperation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private final TerraformConfig config = TerraformConfig.deployment();
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
  void obsTrigger_function_isNotTheApigHandler() {
    assertFalse(wiring.obsTriggers().isEmpty(), "no OBS trigger");

    for (TfBlock trigger : wiring.obsTriggers()) {
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

    assertEquals(
        Set.of(
            KMS_PATH_PREFIX + KmsOperation.RE_ENCRYPT.path(), KMS_PATH_PREFIX + "batch-re-encrypt"),
        Set.copyOf(routes.values()));
    for (TfBlock api : config.resources(Wiring.API)) {
      Object forEach = api.get("for_each");
      assertTrue(
          routes.equals(forEach)
              || HclValues.reference(forEach).equals(Optional.of("local.kms_api_routes")),
          api.address() + " must create one API per route, not " + forEach);
      assertEquals("POST", api.get("request_method"), api.address());
      assertEquals("IAM", api.get("security_authentication"), api.address());
      assertEquals("HTTPS", api.get("request_protocol"), api.address());
    }
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
