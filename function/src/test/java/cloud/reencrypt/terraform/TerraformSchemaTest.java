package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code terraform/} against the provider schema snapshot. */
class TerraformSchemaTest {
  /** The provider release the schema snapshot was taken from (1.97.1). */
  private static final int SNAPSHOT_MINOR_VERSION = 97;

  private final TerraformConfig config = TerraformConfig.deployment();

  @Test
  void deployment_everyBlock_matchesProviderSchema() {
    SchemaChecker checker = new SchemaChecker(ProviderSchema.snapshot());

    List<String> problems =
        config.blocks().stream().flatMap(block -> checker.check(block).stream()).toList();

    assertEquals(List.of(), problems);
  }

  @Test
  void deployment_resourceTypes_coverEveryConcern() {
    Set<String> types = config.blocks().stream().map(TfBlock::type).collect(Collectors.toSet());

    assertTrue(
        types.containsAll(
            Set.of(
                "huaweicloud_fgs_function",
                "huaweicloud_fgs_function_trigger",
                "huaweicloud_fgs_async_invoke_configuration",
                "huaweicloud_eg_event_channels",
                "huaweicloud_obs_bucket",
                "huaweicloud_obs_bucket_object",
                "huaweicloud_kms_key",
                "huaweicloud_identity_role",
                "huaweicloud_identity_agency",
                "huaweicloud_apig_group",
                "huaweicloud_apig_api",
                "huaweicloud_apig_api_publishment",
                "huaweicloud_apig_acl_policy",
                "huaweicloud_apig_acl_policy_associate",
                "huaweicloud_lts_group",
                "huaweicloud_lts_stream")),
        "resource types: " + types);
  }

  @Test
  void requiredProviders_huaweicloud_isPinnedToTheSnapshotRelease() {
    Map<?, ?> providers = (Map<?, ?>) config.settings().get("required_providers");
    Map<?, ?> huaweicloud = (Map<?, ?>) providers.get("huaweicloud");

    assertEquals("huaweicloud/huaweicloud", huaweicloud.get("source"));
    Matcher pin = Pattern.compile("~> 1\\.(\\d+)").matcher((String) huaweicloud.get("version"));
    assertTrue(pin.matches(), "version constraint " + huaweicloud.get("version"));
    assertEquals(SNAPSHOT_MINOR_VERSION, Integer.parseInt(pin.group(1)));
  }
}
