package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OBS grants of the custom policies in {@code access.tf}, per resource. A resource is keyed as
 * {@code object:<bucket>/<keys>} or {@code bucket:<bucket>}, the bucket as the policy interpolates
 * it (e.g. {@code huaweicloud_obs_bucket.work.bucket}); a {@code Resource} that is a local (a list
 * built per allowed bucket) is keyed by that local's name, e.g. {@code
 * local.sweep_bucket_resources}, and {@link #expand} turns it into its keys.
 */
final class Policies {
  /** An OBS resource string: kind, bucket expression and the key pattern after the bucket. */
  private static final Pattern OBS_RESOURCE =
      Pattern.compile("obs:\\*:\\*:(object|bucket):([^/]+)(?:/(.*))?", Pattern.CASE_INSENSITIVE);

  /** A local built by {@code formatlist("<resource>", local.<list>)}. */
  private static final Pattern FORMATLIST =
      Pattern.compile("formatlist\\(\"([^\"]*)\", (local\\.[a-z0-9_]+)\\)");

  /** A role an agency names in {@code domain_roles}; {@code [*]} when its count may be 0. */
  private static final Pattern ROLE_REFERENCE =
      Pattern.compile("(" + Wiring.ROLE + "\\.[a-z0-9_]+)(\\[\\*\\])?\\.name");

  /** A role an agency always holds. */
  static final String ALWAYS = "always";

  /** A role named by a splat: held only when its count is 1. */
  static final String WHEN_COUNTED = "when its count is 1";

  private Policies() {}

  /**
   * The roles of an agency's {@code domain_roles}, each {@link #ALWAYS} or {@link #WHEN_COUNTED}.
   * hcl4j drops {@code concat(...)}, so the source is read; anything in it but role names fails.
   */
  static Map<String, String> domainRoles(TfBlock agency, HclSource source) {
    String expression =
        source
            .attribute(agency, "domain_roles")
            .orElseThrow(() -> new AssertionError(agency.address() + " has no domain_roles"));
    Map<String, String> roles = new TreeMap<>();
    Matcher reference = ROLE_REFERENCE.matcher(expression);
    while (reference.find()) {
      roles.put(reference.group(1), reference.group(2) == null ? ALWAYS : WHEN_COUNTED);
    }
    String rest = ROLE_REFERENCE.matcher(expression).replaceAll("");
    assertTrue(
        rest.matches("(concat\\()?[\\[\\], ]*\\)?"),
        agency.address() + ".domain_roles names more than roles: " + expression);
    return roles;
  }

  static JsonNode policy(TfBlock role) {
    return HclValues.json(role.get("policy"), role.address() + ".policy");
  }

  /**
   * Actions per resource key; each resource must name one bucket, and each statement at least one
   * resource (a statement without one covers every bucket).
   */
  static Map<String, Set<String>> grantsPerResource(JsonNode policy) {
    Map<String, Set<String>> grants = new TreeMap<>();
    for (JsonNode statement : policy.path("Statement")) {
      assertEquals("Allow", statement.path("Effect").asText());
      List<String> keys = resourceKeys(statement.path("Resource"));
      assertFalse(keys.isEmpty(), "an OBS statement without Resource covers every bucket");
      for (String key : keys) {
        grants
            .computeIfAbsent(key, k -> new TreeSet<>())
            .addAll(HclValues.strings(statement.path("Action")));
      }
    }
    return grants;
  }

  /** A statement's resource keys: one per string, or the name of the local it names. */
  private static List<String> resourceKeys(JsonNode resource) {
    List<String> keys = new ArrayList<>();
    HclValues.reference(resource).ifPresent(keys::add);
    for (String text : HclValues.strings(resource)) {
      keys.add(resourceKey(text));
    }
    return keys;
  }

  /** The key of one OBS resource string. */
  static String resourceKey(String resource) {
    Matcher parsed = OBS_RESOURCE.matcher(resource);
    assertTrue(parsed.matches(), "not a single-bucket OBS resource: " + resource);
    String kind = parsed.group(1).toLowerCase();
    assertTrue(
        kind.equals("bucket") == (parsed.group(3) == null),
        "an object resource needs a key pattern, a bucket resource none: " + resource);
    return kind + ":" + parsed.group(2) + (parsed.group(3) == null ? "" : "/" + parsed.group(3));
  }

  /** The bucket a resource key names. */
  static String bucket(String key) {
    String afterKind = key.substring(key.indexOf(':') + 1);
    int slash = afterKind.indexOf('/');
    return slash < 0 ? afterKind : afterKind.substring(0, slash);
  }

  /**
   * The keys a resource key stands for, given the value of the list local it is built from: itself
   * unless it names a {@code formatlist} local, which gives one key per list element.
   *
   * @param lists the value of each list local, e.g. {@code local.sweep_buckets}
   */
  static List<String> expand(String key, HclSource source, Map<String, List<String>> lists) {
    if (!key.startsWith("local.")) {
      return List.of(key);
    }
    String expression = source.local(key.substring("local.".length()));
    Matcher formatlist = FORMATLIST.matcher(expression);
    assertTrue(formatlist.matches(), key + " is not formatlist over a list local: " + expression);
    List<String> elements = lists.get(formatlist.group(2));
    assertTrue(
        elements != null, key + " is built from " + formatlist.group(2) + ", no value given");
    return elements.stream()
        .map(element -> resourceKey(formatlist.group(1).replace("%s", element)))
        .toList();
  }
}
