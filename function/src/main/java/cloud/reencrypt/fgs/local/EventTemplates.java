package cloud.reencrypt.fgs.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Valid events to start from, in the shapes FunctionGraph delivers (after the samples in Huawei's
 * documentation), for {@code generate-event}. OBS keys are URL-encoded as OBS encodes them. OBS
 * events are plain maps, the form the OBS handler takes them in.
 */
public final class EventTemplates {
  /** The OBS event shapes: classic trigger, notification v3, EventGrid CloudEvents. */
  public enum ObsShape {
    S3,
    OBS,
    EVENTGRID;

    public static ObsShape parse(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * The shape of an OBS event as the runtime binds it to a map ({@link RuntimeJson#event}), or
     * empty when it has none of the three: a CloudEvents {@code data}, or {@code Records} whose
     * first record has an {@code obs} (notification v3) or {@code s3} (classic) body.
     */
    public static Optional<ObsShape> of(Object event) {
      if (!(event instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      if (map.containsKey("specversion") && map.containsKey("data")) {
        return Optional.of(EVENTGRID);
      }
      if (map.get("Records") instanceof List<?> records
          && !records.isEmpty()
          && records.get(0) instanceof Map<?, ?> record) {
        if (record.containsKey("obs")) {
          return Optional.of(OBS);
        }
        if (record.containsKey("s3")) {
          return Optional.of(S3);
        }
      }
      return Optional.empty();
    }
  }

  private static final String OWNER = "0ed1b73473f24134a478962e631651eb";
  private static final String TIME = "2026-01-01T00:00:00.000Z";

  private EventTemplates() {}

  /** An API Gateway event carrying the body Base64-encoded, as APIG sends it by default. */
  public static ApigEvent apig(String method, String path, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    headers.put("host", "apig.example.com");
    headers.put("user-agent", "reencrypt-generate-event");
    ApigEvent.RequestContext context =
        new ApigEvent.RequestContext(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString().replace("-", ""),
            ApigEvent.RequestContext.RELEASE,
            null);
    return ApigEvent.of(
        method, path, headers, Map.of(), body.getBytes(StandardCharsets.UTF_8), context);
  }

  /** An OBS object-created event for one object. */
  public static Map<String, Object> obs(
      ObsShape shape, String bucket, String key, String etag, long size) {
    String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8);
    return switch (shape) {
      case S3 -> objectOf("Records", List.of(s3Record(bucket, encodedKey, etag, size)));
      case OBS -> objectOf("Records", List.of(obsRecord(bucket, encodedKey, etag, size)));
      case EVENTGRID -> cloudEvent(obsRecord(bucket, encodedKey, etag, size), key);
    };
  }

  private static Map<String, Object> s3Record(String bucket, String key, String etag, long size) {
    Map<String, Object> object =
        objectOf(
            "eTag",
            etag,
            "sequencer",
            "0000000016D9E6800000000000000000",
            "key",
            key,
            "size",
            size,
            "versionId",
            "null");
    Map<String, Object> bucketObject =
        objectOf(
            "arn",
            "arn:aws:s3:::" + bucket,
            "name",
            bucket,
            "ownerIdentity",
            objectOf("PrincipalId", OWNER));
    return objectOf(
        "eventVersion",
        "2.0",
        "eventSource",
        "aws:s3",
        "awsRegion",
        "cn-north-4",
        "eventTime",
        TIME,
        "eventName",
        "ObjectCreated:Put",
        "userIdentity",
        objectOf("principalId", "9bf43789b1ff4b679040f35cc4f0dc05"),
        "requestParameters",
        objectOf("sourceIPAddress", "192.0.2.10"),
        "s3",
        objectOf(
            "s3SchemaVersion",
            "1.0",
            "configurationId",
            "reencrypt-trigger",
            "object",
            object,
            "bucket",
            bucketObject));
  }

  private static Map<String, Object> obsRecord(String bucket, String key, String etag, long size) {
    Map<String, Object> bucketObject =
        objectOf("name", bucket, "bucket", bucket, "ownerIdentity", objectOf("ID", OWNER));
    Map<String, Object> object =
        objectOf(
            "key",
            key,
            "eTag",
            etag,
            "size",
            size,
            "versionId",
            "null",
            "sequencer",
            "0000000016D9E680");
    return objectOf(
        "eventVersion",
        "3.0",
        "eventSource",
        "OBS",
        "eventRegion",
        "cn-north-4",
        "eventTime",
        TIME,
        "eventName",
        "ObjectCreated:Put",
        "userIdentity",
        objectOf("ID", OWNER),
        "requestParameters",
        objectOf("sourceIPAddress", "192.0.2.10"),
        "obs",
        objectOf(
            "Version",
            "1.0",
            "configurationId",
            "reencrypt-trigger",
            "bucket",
            bucketObject,
            "object",
            object));
  }

  private static Map<String, Object> cloudEvent(Map<String, Object> record, String subject) {
    return objectOf(
        "specversion",
        "1.0",
        "id",
        UUID.randomUUID().toString(),
        "source",
        "HC.OBS.DWR",
        "type",
        "OBS:DWR:ObjectCreated:PUT",
        "subject",
        subject,
        "time",
        TIME,
        "datacontenttype",
        "application/json",
        "data",
        record);
  }

  /** A JSON object of alternating names and values, in that order (a value may be null). */
  private static Map<String, Object> objectOf(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }
}
