package cloud.reencrypt.kms;

/** A key's ID and state code, as enable, disable, schedule and cancel deletion return it. */
public record KeyState(String keyId, String keyState) {}
