package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Who may call the APIs. IAM authentication admits an IAM token of any Huawei Cloud account, and
 * the function acts with its own agency's KMS rights, so every published API is bound to an
 * access-control policy that permits the deploying account (and the accounts the deployer lists) by
 * account ID, and no one else.
 */
class TerraformApiAccessTest {
  private static final String PUBLISHMENT = "huaweicloud_apig_api_publishment";
  private static final String ACL_POLICY = "huaweicloud_apig_acl_policy";
  private static final String ACL_ASSOCIATE = "huaweicloud_apig_acl_policy_associate";
  private static final String ACCOUNT = "huaweicloud_account";
  private static final String ALLOWED_VARIABLE = "var.api_allowed_domain_ids";

  private final TerraformConfig config = TerraformConfig.deployment();
  private final HclSource source = HclSource.deployment();

  @Test
  void apiAcl_everyPublishedApi_isBoundToAPermitPolicyOnAccountIds() {
    List<TfBlock> publishments = config.resources(PUBLISHMENT);
    List<TfBlock> associations = config.resources(ACL_ASSOCIATE);
    assertFalse(publishments.isEmpty(), "no API is published");
    assertFalse(associations.isEmpty(), "no API is bound to an access-control policy");

    for (TfBlock publishment : publishments) {
      Pattern publishIds =
          Pattern.compile(
              Pattern.quote(publishment.address()) + "\\)?(\\[\\*\\])?\\.publish_id\\b");
      Optional<TfBlock> association =
          associations.stream()
              .filter(a -> publishIds.matcher(expanded(a, "publish_ids")).find())
              .findFirst();

      assertTrue(
          association.isPresent(),
          publishment.address()
              + " is published with no access-control policy: any account's"
              + " IAM users may call it");
      TfBlock policy = policyOf(association.get());
      assertEquals("PERMIT", policy.get("type"), policy.address());
      assertEquals("DOMAIN_ID", policy.get("entity_type"), policy.address());
      assertEquals(
          source.attribute(publishment, "instance_id"),
          source.attribute(association.get(), "instance_id"),
          association.get().address() + " binds on another gateway instance");
      assertEquals(
          source.attribute(publishment, "instance_id"),
          source.attribute(policy, "instance_id"),
          policy.address() + " lives on another gateway instance");
    }
  }

  @Test
  void apiAcl_permittedAccounts_areTheDeployingAccountAndTheListedOnes() {
    for (TfBlock association : config.resources(ACL_ASSOCIATE)) {
      TfBlock policy = policyOf(association);
      String value = expanded(policy, "value");

      assertTrue(
          value.contains("data." + ACCOUNT + ".current.id"),
          policy.address() + " does not permit the deploying account: " + value);
      assertEquals(
          Set.of(ALLOWED_VARIABLE),
          source.variablesReachedBy(source.attribute(policy, "value").orElseThrow()),
          policy.address() + " permits accounts from elsewhere");
    }
    assertTrue(
        config.blocks().stream()
            .anyMatch(
                b ->
                    b.kind() == TfBlock.Kind.DATA
                        && b.type().equals(ACCOUNT)
                        && b.name().equals("current")),
        "no data \"" + ACCOUNT + "\" \"current\"");
    assertEquals(
        Optional.of(List.of()),
        config.variableDefault("api_allowed_domain_ids"),
        "by default only the deploying account may call");
  }

  private TfBlock policyOf(TfBlock association) {
    String reference =
        HclValues.requireReference(
            association.get("policy_id"), association.address() + ".policy_id");
    TfBlock policy = config.resourceReferencedBy(reference);
    assertEquals(ACL_POLICY, policy.type(), association.address() + ".policy_id");
    assertEquals(reference, policy.address() + ".id", association.address() + ".policy_id");
    return policy;
  }

  /** An attribute's expression followed by the expressions of every local it reaches. */
  private String expanded(TfBlock block, String attribute) {
    String expression =
        source
            .attribute(block, attribute)
            .orElseThrow(() -> new AssertionError(block.address() + " sets no " + attribute));
    StringBuilder text = new StringBuilder(expression);
    for (String local : source.localsReachedBy(expression)) {
      text.append('\n').append(source.local(local.substring("local.".length())));
    }
    return text.toString();
  }
}
