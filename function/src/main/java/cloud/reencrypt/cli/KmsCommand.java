package cloud.reencrypt.cli;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.KmsOperation;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.wiring.LocalKms;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code kms <operation> [--body JSON|@FILE] [--keystore FILE]}: one local-engine operation, the
 * local equivalent of calling KMS. KMS's JSON response goes to stdout (exit 0); a KMS error goes to
 * stdout too, as KMS's error body (exit 1), so scripts read one stream either way.
 */
final class KmsCommand implements Command {
  private final UnaryOperator<String> environment;

  KmsCommand() {
    this(System::getenv);
  }

  KmsCommand(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public String name() {
    return "kms";
  }

  @Override
  public String summary() {
    return "Run one KMS operation on the local keystore and print KMS's JSON response";
  }

  @Override
  public String usage() {
    StringBuilder text =
        new StringBuilder(
            "Usage: java -jar function/target/reencrypt-function.jar kms <operation>"
                + " [--body '<json>' | --body @FILE] [--keystore FILE]\n\n"
                + "Runs one operation of the local KMS engine and prints KMS's JSON response on"
                + " stdout\n(exit 0). A KMS error is printed on stdout as"
                + " {\"error\":{\"error_code\",\"error_msg\"}} (exit 1).\n"
                + "No --body means {}. The keystore is --keystore, else $REENCRYPT_KEYSTORE, else"
                + " events/keystore.json\n(the public demo keystore). It must exist; only create-key"
                + " makes a new one, at a path\nother than the default.\n\nOperations:\n");
    for (KmsOperation<?, ?> operation : KmsOperations.all()) {
      text.append("  ").append(operation.path()).append('\n');
    }
    text.append(
        "\nExample:\n  java -jar function/target/reencrypt-function.jar kms encrypt-data"
            + " --body '{\"key_id\":\"16c0b4dc-5b58-4b43-a72e-a0199f54a53e\","
            + "\"plain_text\":\"hello\"}'\n");
    return text.toString();
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    Arguments arguments = Arguments.parse(args);
    String body = arguments.body == null ? "{}" : readBody(arguments.body);
    KeystoreOption keystore =
        KeystoreOption.of(Optional.ofNullable(arguments.keystore), environment);
    try {
      KmsOperation<?, ?> operation =
          KmsOperations.byPath(arguments.operation)
              .orElseThrow(
                  () -> KmsError.INVALID_URL.exception("unknown operation " + arguments.operation));
      // Only create-key may start a new keystore, and never at the default path (the committed
      // demo keystore's); elsewhere an operation would run on an empty keystore and answer
      // KMS.0207 for any key.
      if (operation != KmsOperations.CREATE_KEY || keystore.isDefault()) {
        keystore.requireExisting();
      }
      KmsEngine engine = LocalKms.engine(keystore.path());
      out.println(KmsJson.write(operation.invoke(engine, body.getBytes(StandardCharsets.UTF_8))));
      if (operation == KmsOperations.CREATE_KEY && LocalKms.isPublicDemo(keystore.path())) {
        err.println(
            "reencrypt kms: note: "
                + keystore
                + " is the public demo keystore: the new key is public, for testing only");
      }
      return 0;
    } catch (KmsException e) {
      out.println(KmsJson.write(forLocalUser(e, keystore).body()));
      return 1;
    }
  }

  /**
   * The error as this command prints it: an internal error (a keystore that cannot be read or
   * written) names the file, which the user here chose ({@link KeystoreOption#naming}).
   */
  private static KmsException forLocalUser(KmsException e, KeystoreOption keystore) {
    if (!e.errorCode().equals(KmsError.INTERNAL_ERROR.code())) {
      return e;
    }
    return new KmsException(e.errorCode(), e.httpStatus(), keystore.naming(e.getMessage()));
  }

  private static String readBody(String value) throws UsageException {
    if (!value.startsWith("@")) {
      return value;
    }
    try {
      return Files.readString(Path.of(value.substring(1)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read the body file " + value.substring(1));
    }
  }

  /** The command line: one operation, at most one --body and one --keystore. */
  private record Arguments(String operation, String body, String keystore) {
    static Arguments parse(List<String> args) throws UsageException {
      String operation = null;
      String body = null;
      String keystore = null;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.equals("--body") || arg.equals("--keystore")) {
          if (i + 1 >= args.size()) {
            throw new UsageException(arg + " needs a value");
          }
          String value = args.get(++i);
          if (arg.equals("--body")) {
            body = value;
          } else {
            keystore = value;
          }
        } else if (arg.startsWith("-")) {
          throw new UsageException("unknown option " + arg);
        } else if (operation == null) {
          operation = arg;
        } else {
          throw new UsageException(
              "one operation at a time (got " + operation + " and " + arg + ")");
        }
      }
      if (operation == null) {
        throw new UsageException("name an operation, e.g. kms create-key (see kms --help)");
      }
      return new Arguments(operation, body, keystore);
    }
  }
}
