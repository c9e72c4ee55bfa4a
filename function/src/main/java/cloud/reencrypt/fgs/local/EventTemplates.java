package cloud.reencrypt.fgs.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Valid events to start from, in the shapes FunctionGraph delivers (after the samples in Huawei's
 * documentation), for {@code generate-event}. OBS keys are URL-encoded as OBS encodes them.
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
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private EventTemplates() {}

  /** An API Gateway event carrying the body Base64-encoded, as APIG sends it by default. */
  public static ObjectNode apig(String method, String path, String body) {
    ObjectNode event = JSON.objectNode();
    event.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
    ObjectNode requestContext = event.putObject("requestContext");
    requestContext.put("apiId", UUID.randomUUID().toString());
    requestContext.put("requestId", UUID.randomUUID().toString().replace("-", ""));
    requestContext.put("stage", "RELEASE");
    event.putObject("queryStringParameters");
    event.put("httpMethod", method);
    event.putObject("pathParameters");
    ObjectNode headers = event.putObject("headers");
    headers.put("content-type", "application/json");
    headers.put("host", "apig.example.com");
    headers.put("user-agent", "reencrypt-generate-event");
    event.put("path", path);
    event.put("isBase64Encoded", true);
    return event;
  }

  /** An OBS object-created event for one object. */
  public static ObjectNode obs(ObsShape shape, String bucket, String key, String etag, long size) {
    String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8);
    return switch (shape) {
      case S3 -> records(s3Record(bucket, encodedKey, etag, size));
      case OBS -> records(obsRecord(bucket, encodedKey, etag, size));
      case EVENTGRID -> cloudEvent(obsRecord(bucket, encodedKey, etag, size), key);
    };
  }

  private static ObjectNode records(ObjectNode record) {
    ObjectNode event = JSON.objectNode();
    event.putArray("Records").add(record);
    return event;
  }

  private static ObjectNode s3Record(String bucket, String key, String etag, long size) {
    ObjectNode record = JSON.objectNode();
    record.put("eventVersion", "2.0");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", "cn-north-4");
    record.put("eventTime", "2026-01-01T00:00:00.000Z");
    record.put("eventName", "ObjectCreated:Put");
    record.putObject("userIdentity").put("principalId", "9bf43789b1ff4b679040f35cc4f0dc05");
    record.putObject("requestParameters").put("sourceIPAddress", "192.0.2.10");
    ObjectNode s3 = record.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", "reencrypt-trigger");
    ObjectNode object = s3.putObject("object");
    object.put("eTag", etag).put("sequencer", "0000000016D9E6800000000000000000").put("key", key);
    object.put("size", size).put("versionId", "null");
    ObjectNode bucketNode = s3.putObject("bucket");
    bucketNode.put("arn", "arn:aws:s3:::" + bucket).put("name", bucket);
    bucketNode.putObject("ownerIdentity").put("PrincipalId", "0ed1b73473f24134a478962e631651eb");
    return record;
  }

  private static ObjectNode obsRecord(String bucket, String key, String etag, long size) {
    ObjectNode record = JSON.objectNode();
    record.put("eventVersion", "3.0");
    record.put("eventSource", "OBS");
    record.put("eventRegion", "cn-north-4");
    record.put("eventTime", "2026-01-01T00:00:00.000Z");
    record.put("eventName", "ObjectCreated:Put");
    record.putObject("userIdentity").put("ID", "0ed1b73473f24134a478962e631651eb");
    record.putObject("requestParameters").put("sourceIPAddress", "192.0.2.10");
    ObjectNode obs = record.putObject("obs");
    obs.put("Version", "1.0");
    obs.put("configurationId", "reencrypt-trigger");
    ObjectNode bucketNode = obs.putObject("bucket");
    bucketNode.put("name", bucket).put("bucket", bucket);
    bucketNode.putObject("ownerIdentity").put("ID", "0ed1b73473f24134a478962e631651eb");
    ObjectNode object = obs.putObject("object");
    object.put("key", key).put("eTag", etag).put("size", size);
    object.put("versionId", "null").put("sequencer", "0000000016D9E680");
    return record;
  }

  private static ObjectNode cloudEvent(ObjectNode record, String subject) {
    ObjectNode event = JSON.objectNode();
    event.put("specversion", "1.0");
    event.put("id", UUID.randomUUID().toString());
    event.put("source", "HC.OBS.DWR");
    event.put("type", "OBS:DWR:ObjectCreated:PUT");
    event.put("subject", subject);
    event.put("time", "2026-01-01T00:00:00.000Z");
    event.put("datacontenttype", "application/json");
    event.set("data", record);
    return event;
  }
}
