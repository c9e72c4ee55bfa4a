package cloud.reencrypt.cli;

import cloud.reencrypt.fgs.local.ApigEvent;
import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.mapping.JsonMapping;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code generate-event}: prints a valid event to edit, like {@code sam local generate-event}. */
final class GenerateEventCommand implements Command {
  @Override
  public String name() {
    return "generate-event";
  }

  @Override
  public String summary() {
    return "Print an API Gateway or OBS event to edit and pass to invoke";
  }

  @Override
  public String usage() {
    return """
        Usage: generate-event apig --body FILE [--path P] [--method M]
               generate-event obs --bucket B --key K [--shape s3|obs|eventgrid] [--etag E] [--size N]

        apig: an API Gateway event whose body is FILE's content, Base64-encoded as APIG sends
              it (isBase64Encoded: true).
                --path P     request path (default /kms/re-encrypt); any prefix before
                             /kms/ works, e.g. /v1.0/<project_id>/kms/re-encrypt
                --method M   HTTP method (default POST)
        obs:  an OBS object-created event for object K in bucket B; the key is URL-encoded as
              OBS sends it.
                --shape      s3 (classic OBS trigger, default), obs (notification v3) or
                             eventgrid (CloudEvents envelope)
                --etag E     the object's ETag (default: none recorded)
                --size N     the object's size in bytes (default 0)
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    if (args.isEmpty()) {
      throw new UsageException("name the event: apig or obs (try --help)");
    }
    List<String> rest = args.subList(1, args.size());
    Object event =
        switch (args.get(0)) {
          case "apig" -> apig(Options.parse(rest, Set.of("--body", "--path", "--method")));
          case "obs" ->
              obs(Options.parse(rest, Set.of("--bucket", "--key", "--shape", "--etag", "--size")));
          default ->
              throw new UsageException("unknown event '" + args.get(0) + "': use apig or obs");
        };
    out.println(JsonMapping.prettyWriter().writeValueAsString(event));
    return 0;
  }

  private static ApigEvent apig(Options options) throws UsageException {
    Path file = Path.of(options.required("--body"));
    String body;
    try {
      body = Files.readString(file);
    } catch (IOException e) {
      throw new UsageException("cannot read body file '" + file + "'");
    }
    return EventTemplates.apig(
        options.get("--method").orElse("POST"),
        options.get("--path").orElse("/kms/re-encrypt"),
        body);
  }

  private static Map<String, Object> obs(Options options) throws UsageException {
    ObsShape shape;
    try {
      shape = ObsShape.parse(options.get("--shape").orElse("s3"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--shape must be s3, obs or eventgrid");
    }
    String size = options.get("--size").orElse("0");
    if (!size.matches("[0-9]{1,18}")) {
      throw new UsageException("--size must be a number of bytes");
    }
    return EventTemplates.obs(
        shape,
        options.required("--bucket"),
        options.required("--key"),
        options.get("--etag").orElse(""),
        Long.parseLong(size));
  }
}
