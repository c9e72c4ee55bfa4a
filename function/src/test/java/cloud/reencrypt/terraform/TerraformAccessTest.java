package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Setting;
import cloud.reencrypt.kms.KmsOperation;
import cloud.reencrypt.store.ObsPermissions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The agency's custom policies against the code: KMS actions exactly those of {@link
 * KmsOperation#FUNCTION_CALLS}, OBS actions exactly {@link ObsPermissions}, on the input and output
 * buckets only.
 */
class TerraformAccessTest {
  private static final String ROLE = "huaweicloud_identity_role";
  private static final String AGENCY = "huaweicloud_identity_agency";
  private static final Pattern OBS_RESOURCE =
      Pattern.compile("obs:\\*:\\*:(object|bucket):([^/]+)(/\\*)?", Pattern.CASE_INSENSITIVE);

  private final TerraformConfig config = TerraformConfig.deployment();
  private final Wiring wiring = new Wiring(config);

  @Test
  void kmsPolicy_actions_equalThoseOfTheOperationsTheFunctionCalls() {
    Set<String> expected =
        KmsOperation.FUNCTION_CALLS.stream()
            .flatMap(operation -> operation.iamActions().stream())
            .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(expected, actions(policy(role("XA"))));
  }

  @Test
  void obsPolicy_actionsPerBucket_equalObsPermissions() {
    String input = bucketOfTrigger();
    String output = outputBucket();
    Map<String, Set<String>> expected = new TreeMap<>();
    expected.put("object:" + input, ObsPermissions.INPUT_OBJECTS);
    expected.put("object:" + output, ObsPermissions.OUTPUT_OBJECTS);
    expected.put("bucket:" + output, ObsPermissions.OUTPUT_BUCKET);
    if (!ObsPermissions.INPUT_BUCKET.isEmpty()) {
      expected.put("bucket:" + input, ObsPermissions.INPUT_BUCKET);
    }

    assertEquals(expected, grantsPerResource(policy(role("AX"))));
  }

  @Test
  void agency_delegatedToFunctionGraph_holdsBothPoliciesAndServesEveryFunction() {
    List<TfBlock> agencies = config.resources(AGENCY);
    assertEquals(1, agencies.size(), "agencies: " + agencies);
    TfBlock agency = agencies.get(0);
    Map<String, Object> projectRole = HclValues.blocks(agency.get("project_role")).get(0);

    assertEquals("op_svc_cff", agency.get("delegated_service_name"));
    assertEquals(List.of(roleName(role("AX"))), references(agency.get("domain_roles")));
    assertEquals(List.of(roleName(role("XA"))), references(projectRole.get("roles")));
    assertEquals("var.region", HclValues.requireReference(projectRole.get("project"), "project"));
    for (TfBlock function : wiring.functions()) {
      assertEquals(
          agency.address() + ".name",
          HclValues.requireReference(function.get("agency"), function.address() + ".agency"));
    }
  }

  private TfBlock role(String scope) {
    List<TfBlock> roles =
        config.resources(ROLE).stream().filter(r -> scope.equals(r.get("type"))).toList();
    assertEquals(1, roles.size(), "custom policies of type " + scope + ": " + roles);
    return roles.get(0);
  }

  private static String roleName(TfBlock role) {
    return role.address() + ".name";
  }

  private static JsonNode policy(TfBlock role) {
    return HclValues.json(role.get("policy"), role.address() + ".policy");
  }

  private static Set<String> actions(JsonNode policy) {
    Set<String> actions = new TreeSet<>();
    for (JsonNode statement : policy.path("Statement")) {
      assertEquals("Allow", statement.path("Effect").asText());
      actions.addAll(HclValues.strings(statement.path("Action")));
    }
    return actions;
  }

  /** Actions per {@code object:<bucket>} or {@code bucket:<bucket>}; each must name a bucket. */
  private static Map<String, Set<String>> grantsPerResource(JsonNode policy) {
    Map<String, Set<String>> grants = new TreeMap<>();
    for (JsonNode statement : policy.path("Statement")) {
      assertEquals("Allow", statement.path("Effect").asText());
      List<String> resources = HclValues.strings(statement.path("Resource"));
      assertFalse(resources.isEmpty(), "an OBS statement without Resource covers every bucket");
      for (String resource : resources) {
        Matcher parsed = OBS_RESOURCE.matcher(resource);
        assertTrue(parsed.matches(), "not a single-bucket OBS resource: " + resource);
        grants
            .computeIfAbsent(parsed.group(1) + ":" + parsed.group(2), k -> new TreeSet<>())
            .addAll(HclValues.strings(statement.path("Action")));
      }
    }
    return grants;
  }

  /** The bucket name expression ({@code huaweicloud_obs_bucket.x.bucket}) the trigger watches. */
  private String bucketOfTrigger() {
    List<TfBlock> triggers = wiring.obsTriggers();
    assertEquals(1, triggers.size(), "OBS triggers: " + triggers);
    return HclValues.requireReference(
        wiring.eventData(triggers.get(0)).path("bucket"), "trigger bucket");
  }

  private String outputBucket() {
    TfBlock function = wiring.triggeredFunction(wiring.obsTriggers().get(0));
    return HclValues.requireReference(
        wiring.userData(function).path(Setting.OUTPUT_BUCKET.name()), "OUTPUT_BUCKET");
  }

  private static List<String> references(Object values) {
    return ((List<?>) values)
        .stream().map(value -> HclValues.requireReference(value, "role reference")).toList();
  }
}
