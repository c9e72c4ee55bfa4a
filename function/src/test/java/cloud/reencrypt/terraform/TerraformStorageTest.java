package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Buckets, the OBS trigger and the function package in {@code terraform/}. */
class TerraformStorageTest {
  private static final String BUCKET = "huaweicloud_obs_bucket";
  private static final String OBJECT = "huaweicloud_obs_bucket_object";
  private static final Pattern OBJECT_KEY =
      Pattern.compile(
          "resource \"" + OBJECT + "\" \"[^\"]+\" \\{.*?\\n\\s*key\\s*=\\s*(\"[^\\n]*\")\\n",
          Pattern.DOTALL);

  private final TerraformConfig config = TerraformConfig.deployment();
  private final Wiring wiring = new Wiring(config);

  @Test
  void obsTrigger_events_areObjectCreatedOnly() {
    for (TfBlock trigger : wiring.obsTriggers()) {
      List<String> events = HclValues.strings(wiring.eventData(trigger).path("events"));

      assertFalse(events.isEmpty(), trigger.address());
      assertTrue(events.stream().allMatch(e -> e.startsWith("s3:ObjectCreated:")), "" + events);
    }
  }

  @Test
  void obsTrigger_watchedLocation_cannotReceiveOutputs() {
    for (TfBlock trigger : wiring.obsTriggers()) {
      JsonNode event = wiring.eventData(trigger);
      JsonNode userData = wiring.userData(wiring.triggeredFunction(trigger));
      ObjectLocation watched =
          new ObjectLocation(bucketName(event.path("bucket")), text(event.path("prefix")));
      ObjectLocation output =
          new ObjectLocation(
              bucketName(userData.path(Setting.OUTPUT_BUCKET.name())),
              text(userData.path(Setting.OUTPUT_PREFIX.name())));

      assertFalse(watched.overlaps(output), watched + " can receive outputs at " + output);
    }
  }

  @Test
  void functionPackage_bucket_isWatchedByNoTrigger() {
    for (TfBlock object : config.resources(OBJECT)) {
      TfBlock codeBucket = bucketOf(object.get("bucket"));

      for (TfBlock trigger : config.resources(Wiring.TRIGGER)) {
        JsonNode watched = wiring.eventData(trigger).path("bucket");
        assertNotEquals(codeBucket, bucketOf(watched), trigger.address() + " watches the code");
      }
    }
  }

  @Test
  void functionPackage_key_changesWithTheJarContent() throws IOException {
    for (TfBlock object : config.resources(OBJECT)) {
      Matcher key = OBJECT_KEY.matcher(Files.readString(object.file()));

      assertTrue(key.find(), "no key in " + object.address());
      assertTrue(
          key.group(1).matches(".*\\$\\{file(sha256|md5|sha1|sha512)\\(.*"),
          object.address() + ".key must contain the package hash: " + key.group(1));
    }
  }

  @Test
  void buckets_all_arePrivateAndTheOutputVersioned() {
    TfBlock output =
        bucketOf(
            wiring
                .userData(wiring.triggeredFunction(wiring.obsTriggers().get(0)))
                .path(Setting.OUTPUT_BUCKET.name()));

    for (TfBlock bucket : config.resources(BUCKET)) {
      assertEquals("private", bucket.get("acl"), bucket.address());
    }
    assertEquals(Boolean.TRUE, output.get("versioning"), output.address());
  }

  private TfBlock bucketOf(Object reference) {
    TfBlock bucket =
        config.resourceReferencedBy(HclValues.requireReference(reference, "bucket reference"));
    assertEquals(BUCKET, bucket.type(), bucket.address());
    return bucket;
  }

  /** The expression naming a bucket resource's bucket, e.g. {@code var.output_bucket_name}. */
  private String bucketName(JsonNode reference) {
    Object name = bucketOf(reference).get("bucket");
    return HclValues.reference(name).orElse(String.valueOf(name));
  }

  /** A literal, or the default of the variable it refers to. */
  private String text(JsonNode value) {
    return HclValues.reference(value)
        .map(
            ref -> {
              assertTrue(ref.startsWith("var."), "prefix must be a literal or a variable: " + ref);
              return String.valueOf(config.variableDefault(ref.substring(4)).orElse(""));
            })
        .orElse(value.asText());
  }
}
