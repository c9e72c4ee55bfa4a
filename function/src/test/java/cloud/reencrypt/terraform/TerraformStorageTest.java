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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Buckets, the object triggers, the work location and the function package in {@code terraform/}.
 */
class TerraformStorageTest {
  private static final String OBJECT = "huaweicloud_obs_bucket_object";
  private static final String TRIGGER_TYPE_VARIABLE = "var.object_trigger_type";
  private static final Pattern OBJECT_KEY =
      Pattern.compile(
          "resource \"" + OBJECT + "\" \"[^\"]+\" \\{.*?\\n\\s*key\\s*=\\s*(\"[^\\n]*\")\\n",
          Pattern.DOTALL);
  private static final Pattern COUNT_BY_TYPE =
      Pattern.compile(Pattern.quote(TRIGGER_TYPE_VARIABLE) + " == \"([A-Z]+)\" \\? 1 : 0");

  private final TerraformConfig config = TerraformConfig.deployment();
  private final HclSource source = HclSource.deployment();
  private final Wiring wiring = new Wiring(config);

  /**
   * A trigger that ignores changes to its {@code event_data} must be replaced when what that event
   * data is made of changes: its bucket when the bucket is replaced (a rename), and every variable,
   * local or data source it reads, through a {@code terraform_data} that holds them. Otherwise the
   * subscription keeps watching a deleted bucket, or keeps an old agency.
   */
  @Test
  void objectTriggers_ignoringEventData_areReplacedWhenItsInputsChange() {
    Pattern references =
        Pattern.compile("\\b(?:var|local)\\.[a-z0-9_]+|\\bdata\\.[a-z0-9_]+\\.[a-z0-9_]+");
    for (TfBlock trigger : wiring.objectTriggers()) {
      String block = source.block(trigger);
      if (!source.attribute(trigger, "ignore_changes").orElse("").contains("event_data")) {
        continue;
      }
      String replacedBy =
          source
              .attribute(trigger, "replace_triggered_by")
              .orElseThrow(
                  () ->
                      new AssertionError(
                          trigger.address() + " ignores event_data and is never replaced"));

      assertTrue(
          replacedBy.contains(wiring.watchedBucket(trigger).address() + ".id"),
          trigger.address() + " is not replaced with its bucket: " + replacedBy);
      Matcher holder = Pattern.compile("terraform_data\\.([a-z0-9_]+)").matcher(replacedBy);
      assertTrue(holder.find(), trigger.address() + " names no terraform_data: " + replacedBy);
      TfBlock settings = config.resourceReferencedBy("terraform_data." + holder.group(1));
      String held = source.block(settings);
      String eventData = block.substring(block.indexOf("event_data"), block.indexOf("lifecycle"));
      Matcher reference = references.matcher(eventData);
      while (reference.find()) {
        assertTrue(
            held.contains(reference.group()),
            settings.address()
                + " does not hold "
                + reference.group()
                + ", which "
                + trigger.address()
                + ".event_data reads");
      }
    }
  }

  @Test
  void objectTriggers_events_areObjectCreatedOnly() {
    assertFalse(wiring.objectTriggers().isEmpty(), "no object trigger");

    for (TfBlock trigger : wiring.objectTriggers()) {
      JsonNode event = wiring.eventData(trigger);
      boolean eventGrid = "EVENTGRID".equals(trigger.get("type"));
      List<String> events = HclValues.strings(event.path(eventGrid ? "event_types" : "events"));
      String created = eventGrid ? "OBS:DWR:ObjectCreated:" : "s3:ObjectCreated:";

      assertFalse(events.isEmpty(), trigger.address());
      assertTrue(events.stream().allMatch(e -> e.startsWith(created)), trigger.address() + events);
      if (eventGrid) {
        assertEquals("HC.OBS.DWR", event.path("source_name").asText(), trigger.address());
      }
    }
  }

  @Test
  void eventGridTriggers_objectsCreated_includeMultipartUploadsAndCopies() {
    for (TfBlock trigger : wiring.objectTriggers()) {
      if ("EVENTGRID".equals(trigger.get("type"))) {
        Set<String> events =
            new TreeSet<>(HclValues.strings(wiring.eventData(trigger).path("event_types")));

        assertEquals(
            Set.of(
                "OBS:DWR:ObjectCreated:PUT",
                "OBS:DWR:ObjectCreated:POST",
                "OBS:DWR:ObjectCreated:COPY",
                "OBS:DWR:ObjectCreated:CompleteMultipartUpload"),
            events,
            trigger.address() + ": a large manifest arrives as a multipart upload");
      }
    }
  }

  @Test
  void objectTriggers_watchedLocation_cannotReceiveOutputs() {
    JsonNode userData = wiring.userData(wiring.obsFunction());
    ObjectLocation output =
        new ObjectLocation(
            bucketName(wiring.outputBucket()), text(userData.path(Setting.OUTPUT_PREFIX.name())));

    for (TfBlock trigger : wiring.objectTriggers()) {
      ObjectLocation watched = watchedLocation(trigger);

      assertFalse(watched.overlaps(output), watched + " can receive outputs at " + output);
    }
  }

  @Test
  void workTriggers_anySuffixOrOtherPrefix_isRefused() {
    assertFalse(wiring.workTriggers().isEmpty(), "no trigger watches the work location");
    String workPrefix = workPrefixExpression();

    for (TfBlock trigger : wiring.workTriggers()) {
      JsonNode event = wiring.eventData(trigger);

      JsonNode suffix = event.path("suffix");
      assertTrue(
          suffix.isMissingNode() || (suffix.isTextual() && suffix.asText().isEmpty()),
          trigger.address() + ": a suffix filter would drop work objects: " + suffix);
      Optional<String> prefix = HclValues.reference(event.path("prefix"));
      assertTrue(
          event.path("prefix").isMissingNode() || prefix.equals(Optional.of(workPrefix)),
          trigger.address() + ": the prefix must be WORK_PREFIX (" + workPrefix + ") or none");
    }
  }

  @Test
  void workLocation_everyTriggerType_isWatchedAsTheInputIs() {
    for (String type : Wiring.OBJECT_TRIGGER_TYPES) {
      List<TfBlock> work = ofType(wiring.workTriggers(), type);
      List<TfBlock> input = ofType(wiring.inputTriggers(), type);

      assertEquals(1, work.size(), type + " triggers on the work bucket: " + work);
      assertEquals(1, input.size(), type + " triggers on the input bucket: " + input);
      assertEquals(type, countedType(work.get(0)), work.get(0).address() + ".count");
      assertEquals(type, countedType(input.get(0)), input.get(0).address() + ".count");
    }
  }

  @Test
  void objectTriggerType_variable_defaultsToEventGridAndAllowsOnlyTheTwoTypes() {
    assertEquals(
        Optional.of("EVENTGRID"),
        config.variableDefault(TRIGGER_TYPE_VARIABLE.substring(4)),
        "the classic OBS trigger is not offered on the Chinese site");
    assertTrue(
        source
            .variable(TRIGGER_TYPE_VARIABLE.substring(4))
            .contains("contains([\"EVENTGRID\", \"OBS\"], " + TRIGGER_TYPE_VARIABLE + ")"),
        "object_trigger_type must be validated against EVENTGRID and OBS");
  }

  @Test
  void workLocation_bucket_isNoOtherBucketAndTheSameForBothFunctions() {
    TfBlock work = wiring.workBucket();
    TfBlock code = wiring.bucket(config.resources(OBJECT).get(0).get("bucket"), "package bucket");

    assertNotEquals(wiring.outputBucket(), work);
    assertNotEquals(code, work);
    for (TfBlock input : wiring.inputTriggers()) {
      assertNotEquals(wiring.watchedBucket(input), work, input.address());
    }
    for (TfBlock function : wiring.functions()) {
      JsonNode userData = wiring.userData(function);
      assertEquals(
          work,
          wiring.bucket(userData.path(Setting.WORK_BUCKET.name()), function.address()),
          function.address() + " WORK_BUCKET");
      assertEquals(
          Optional.of(workPrefixExpression()),
          HclValues.reference(userData.path(Setting.WORK_PREFIX.name())),
          function.address() + " WORK_PREFIX");
    }
  }

  @Test
  void workBucket_lifecycle_expiresStaleWorkUnderTheWorkPrefix() {
    TfBlock work = wiring.workBucket();
    List<Map<String, Object>> rules = HclValues.blocks(work.get("lifecycle_rule"));

    List<Map<String, Object>> expiring =
        rules.stream()
            .filter(r -> Boolean.TRUE.equals(r.get("enabled")))
            .filter(r -> !HclValues.blocks(r.get("expiration")).isEmpty())
            .toList();
    assertEquals(1, expiring.size(), work.address() + " expiring lifecycle rules: " + rules);
    Map<String, Object> rule = expiring.get(0);
    assertEquals(
        Optional.of(workPrefixExpression()),
        HclValues.reference(rule.get("prefix")),
        "the rule must expire work objects, under WORK_PREFIX");
    Object days = HclValues.blocks(rule.get("expiration")).get(0).get("days");
    assertEquals(Optional.of("var.work_expiry_days"), HclValues.reference(days));
    assertEquals(Optional.of(7.0), config.variableDefault("work_expiry_days"));
  }

  @Test
  void workBucket_versioning_isOffSoDeletedPartsAreGone() {
    TfBlock work = wiring.workBucket();

    assertNotEquals(Boolean.TRUE, work.get("versioning"), work.address());
  }

  @Test
  void functionPackage_bucket_isWatchedByNoTrigger() {
    for (TfBlock object : config.resources(OBJECT)) {
      TfBlock codeBucket = wiring.bucket(object.get("bucket"), object.address());

      for (TfBlock trigger : config.resources(Wiring.TRIGGER)) {
        assertNotEquals(codeBucket, wiring.watchedBucket(trigger), trigger + " watches the code");
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
    TfBlock output = wiring.outputBucket();

    for (TfBlock bucket : config.resources(Wiring.BUCKET)) {
      assertEquals("private", bucket.get("acl"), bucket.address());
    }
    assertEquals(Boolean.TRUE, output.get("versioning"), output.address());
  }

  /**
   * The expression of WORK_PREFIX in the OBS function's user data, e.g. {@code var.work_prefix}.
   */
  private String workPrefixExpression() {
    return HclValues.requireReference(
        wiring.userData(wiring.obsFunction()).path(Setting.WORK_PREFIX.name()), "WORK_PREFIX");
  }

  private ObjectLocation watchedLocation(TfBlock trigger) {
    JsonNode event = wiring.eventData(trigger);
    return new ObjectLocation(
        bucketName(wiring.watchedBucket(trigger)), text(event.path("prefix")));
  }

  /** The trigger type a trigger's {@code count} switches it on for. */
  private String countedType(TfBlock trigger) {
    String count = source.attribute(trigger, "count").orElse("");
    Matcher type = COUNT_BY_TYPE.matcher(count);
    assertTrue(type.matches(), trigger.address() + ".count must follow the variable: " + count);
    return type.group(1);
  }

  private static List<TfBlock> ofType(List<TfBlock> triggers, String type) {
    return triggers.stream().filter(t -> type.equals(t.get("type"))).toList();
  }

  /** The expression naming a bucket resource's bucket, e.g. {@code var.output_bucket_name}. */
  private static String bucketName(TfBlock bucket) {
    Object name = bucket.get("bucket");
    return HclValues.reference(name).orElse(String.valueOf(name));
  }

  /** A literal, or the default of the variable it refers to; empty when missing. */
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
