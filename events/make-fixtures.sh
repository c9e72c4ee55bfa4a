#!/usr/bin/env bash
# Regenerates the handler fixtures under events/: fresh ciphertexts made with the `kms` subcommand
# on the public demo keystore, events made with `generate-event`, and each event's expected
# response from `invoke` (review the diff before committing: the expected files are the contract).
# Needs the built jar (mvn -B package -DskipTests) and jq. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=function/target/reencrypt-function.jar
run() { java -jar "$JAR" "$@"; }
export REENCRYPT_KEYSTORE=events/keystore.json

AES=16c0b4dc-5b58-4b43-a72e-a0199f54a53e
SM4=f72de9ca-06ca-4779-822a-92af56660228
RSA=f63ef793-2abf-4bd0-84f3-0938f790dcf2
SM2=9e64d200-8493-4d16-a4a0-37862c6a38ea
DISABLED=51c1da4c-a512-47a6-af66-88491836f684
PENDING=9814cdc2-1954-4ae1-a4cc-93a25326341c
UNKNOWN=00000000-0000-4000-8000-000000000000
BUCKET=demo-bucket
OBJECTS=events/objects/$BUCKET

# encrypt KEY PLAINTEXT [ALGORITHM] [AAD]: a data ciphertext (Base64)
encrypt() {
  run kms encrypt-data --body "$(jq -nc --arg k "$1" --arg p "$2" --arg a "${3:-SYMMETRIC_DEFAULT}" --arg d "${4:-}" \
    '{key_id:$k, plain_text:$p, encryption_algorithm:$a} + (if $d == "" then {} else {additional_authenticated_data:$d} end)')" \
    | jq -r .cipher_text
}
# datakey KEY: a 32-byte data key's ciphertext (hex)
datakey() {
  run kms create-datakey-without-plaintext --body "{\"key_id\":\"$1\",\"datakey_length\":\"256\"}" | jq -r .cipher_text
}
# apig NAME BODY [PATH] [METHOD]: an API Gateway event with BODY
apig() {
  local tmp; tmp=$(mktemp)
  printf '%s' "$2" > "$tmp"
  run generate-event apig --body "$tmp" --path "${3:-/kms/re-encrypt}" --method "${4:-POST}" > "events/apig/$1.json"
  rm -f "$tmp"
}
# obs NAME SHAPE KEY...: an OBS event naming one or more objects of the demo bucket
obs() {
  local name=$1 shape=$2; shift 2
  local first=$1; shift
  local event; event=$(run generate-event obs --bucket $BUCKET --key "$first" --shape "$shape" --size 0)
  for key in "$@"; do
    local more; more=$(run generate-event obs --bucket $BUCKET --key "$key" --shape "$shape" --size 0)
    event=$(jq -c --argjson m "$more" '.Records += $m.Records' <<<"$event")
  done
  jq . <<<"$event" > "events/obs/$name.json"
}
req() { jq -nc "$@"; }

# --- API Gateway: one successful re-encrypt of each kind ---
apig re-encrypt-aes-data "$(req --arg c "$(encrypt $AES 'AES data: rotate me')" --arg d $AES '{cipher_text:$c, destination_key_id:$d}')"
apig re-encrypt-aes-datakey "$(req --arg c "$(datakey $AES)" --arg s $AES --arg d $SM4 '{source_key_id:$s, cipher_text:$c, destination_key_id:$d}')"
apig re-encrypt-sm4-data "$(req --arg c "$(encrypt $SM4 'SM4 data')" --arg d $AES '{cipher_text:$c, destination_key_id:$d}')"
apig re-encrypt-rsa-oaep-sha256 "$(req --arg c "$(encrypt $RSA 'RSA OAEP SHA-256 data' RSAES_OAEP_SHA_256)" --arg s $RSA --arg d $AES \
  '{source_key_id:$s, source_encryption_algorithm:"RSAES_OAEP_SHA_256", cipher_text:$c, destination_key_id:$d}')"
apig re-encrypt-rsa-oaep-sha1 "$(req --arg c "$(encrypt $RSA 'RSA OAEP SHA-1 data' RSAES_OAEP_SHA_1)" --arg s $RSA --arg d $SM4 \
  '{source_key_id:$s, source_encryption_algorithm:"RSAES_OAEP_SHA_1", cipher_text:$c, destination_key_id:$d}')"
apig re-encrypt-sm2 "$(req --arg c "$(encrypt $SM2 'SM2 data' SM2_ENCRYPT)" --arg s $SM2 --arg d $SM4 \
  '{source_key_id:$s, source_encryption_algorithm:"SM2_ENCRYPT", cipher_text:$c, destination_key_id:$d}')"
apig re-encrypt-to-rsa "$(req --arg c "$(encrypt $AES 'AES data to RSA')" --arg d $RSA \
  '{cipher_text:$c, destination_key_id:$d, destination_encryption_algorithm:"RSAES_OAEP_SHA_256"}')"
apig re-encrypt-with-aad "$(req --arg c "$(encrypt $AES 'data with AAD' SYMMETRIC_DEFAULT 'tenant=42')" --arg d $SM4 \
  '{cipher_text:$c, source_additional_authenticated_data:"tenant=42", destination_key_id:$d, destination_additional_authenticated_data:"tenant=42;v=2"}')"
apig batch-re-encrypt "$(req --arg a "$(encrypt $AES 'batch one')" --arg b "$(datakey $SM4)" --arg s $SM4 --arg c "$(encrypt $RSA 'batch three' RSAES_OAEP_SHA_256)" --arg r $RSA --arg x $AES --arg y $SM4 \
  '{requests:[{cipher_text:$a, destination_key_id:$y}, {source_key_id:$s, cipher_text:$b, destination_key_id:$x}, {cipher_text:"AAAA", destination_key_id:$x}, {source_key_id:$r, source_encryption_algorithm:"RSAES_OAEP_SHA_256", cipher_text:$c, destination_key_id:$x}]}')" \
  /v1.0/49099f1caf3aa0e25a0f60aa6e04253b/kms/batch-re-encrypt
# the same ReEncrypt on KMS's own path, with a plain (not Base64) body
apig re-encrypt-kms-path-plain-body "$(req --arg c "$(encrypt $AES 'plain body')" --arg d $SM4 '{cipher_text:$c, destination_key_id:$d}')" \
  /v1.0/49099f1caf3aa0e25a0f60aa6e04253b/kms/re-encrypt
jq --arg b "$(jq -r .body events/apig/re-encrypt-kms-path-plain-body.json | base64 -d)" '.body = $b | .isBase64Encoded = false' \
  events/apig/re-encrypt-kms-path-plain-body.json > events/apig/tmp.json && mv events/apig/tmp.json events/apig/re-encrypt-kms-path-plain-body.json

# --- API Gateway: every class of bad input ---
GOOD=$(encrypt $AES 'error cases')
err() { local name=$1; shift; apig "errors/$name" "$@"; }
err body-not-json '{"cipher_text": "'
err body-not-object '["cipher_text"]'
err body-empty ''
apig errors/body-invalid-base64 '{}' && jq '.body = "eyJjaXBoZXJfdGV4dCI6!!!"' events/apig/errors/body-invalid-base64.json > events/apig/tmp.json && mv events/apig/tmp.json events/apig/errors/body-invalid-base64.json
err missing-cipher-text "$(req --arg d $SM4 '{destination_key_id:$d}')"
err null-destination-key-id "$(req --arg c "$GOOD" '{cipher_text:$c, destination_key_id:null}')"
err wrong-type "$(req --arg c "$GOOD" --arg d $SM4 '{cipher_text:$c, destination_key_id:$d, datakey_cipher_length:32}')"
err unknown-algorithm "$(req --arg c "$GOOD" --arg d $SM4 '{cipher_text:$c, destination_key_id:$d, destination_encryption_algorithm:"AES_128_CBC"}')"
err algorithm-does-not-fit-key "$(req --arg c "$GOOD" --arg d $SM4 '{cipher_text:$c, destination_key_id:$d, destination_encryption_algorithm:"RSAES_OAEP_SHA_256"}')"
err malformed-key-id "$(req --arg c "$GOOD" '{cipher_text:$c, destination_key_id:"alias/my-key"}')"
err source-key-mismatch "$(req --arg c "$GOOD" --arg s $SM4 --arg d $SM4 '{source_key_id:$s, cipher_text:$c, destination_key_id:$d}')"
err asymmetric-without-source-key "$(req --arg c "$(encrypt $RSA 'needs source key' RSAES_OAEP_SHA_256)" --arg d $AES '{source_encryption_algorithm:"RSAES_OAEP_SHA_256", cipher_text:$c, destination_key_id:$d}')"
err datakey-into-asymmetric "$(req --arg c "$(datakey $AES)" --arg s $AES --arg d $RSA '{source_key_id:$s, cipher_text:$c, destination_key_id:$d, destination_encryption_algorithm:"RSAES_OAEP_SHA_256"}')"
TAMPERED=$(python3 -c "import base64,sys; b=bytearray(base64.b64decode(sys.argv[1])); b[20]^=1; print(base64.b64encode(bytes(b)).decode())" "$GOOD")
err tampered-ciphertext "$(req --arg c "$TAMPERED" --arg d $SM4 '{cipher_text:$c, destination_key_id:$d}')"
err truncated-ciphertext "$(req --arg c "${GOOD:0:40}" --arg d $SM4 '{cipher_text:$c, destination_key_id:$d}')"
err ciphertext-not-base64 "$(req --arg d $SM4 '{cipher_text:"not base64 at all!", destination_key_id:$d}')"
err aad-mismatch "$(req --arg c "$(encrypt $AES 'aad' SYMMETRIC_DEFAULT 'tenant=42')" --arg d $SM4 '{cipher_text:$c, source_additional_authenticated_data:"tenant=43", destination_key_id:$d}')"
err unknown-key "$(req --arg c "$GOOD" --arg d $UNKNOWN '{cipher_text:$c, destination_key_id:$d}')"
err disabled-key "$(req --arg c "$GOOD" --arg d $DISABLED '{cipher_text:$c, destination_key_id:$d}')"
err pending-deletion-key "$(req --arg c "$GOOD" --arg d $PENDING '{cipher_text:$c, destination_key_id:$d}')"
err wrong-method "$(req --arg c "$GOOD" --arg d $SM4 '{cipher_text:$c, destination_key_id:$d}')" /kms/re-encrypt GET
err unknown-operation "$(req --arg c "$GOOD" '{cipher_text:$c}')" /kms/decrypt-data
err batch-empty '{"requests":[]}' /kms/batch-re-encrypt
err batch-too-many "$(jq -nc '{requests:[range(1001) | {}]}')" /kms/batch-re-encrypt
err batch-not-a-list '{"requests":{"cipher_text":"x"}}' /kms/batch-re-encrypt

# --- OBS: sample objects and events in every shape ---
rm -rf "$OBJECTS" && mkdir -p "$OBJECTS/ciphertexts" "$OBJECTS/manifests"
encrypt $AES 'object under the demo AES key' > "$OBJECTS/ciphertexts/aes-data.txt"
encrypt $SM4 'object under the demo SM4 key' > "$OBJECTS/ciphertexts/sm4-data.txt"
datakey $AES > "$OBJECTS/ciphertexts/aes-datakey.hex"
encrypt $AES 'a key with spaces and unicode' > "$OBJECTS/ciphertexts/Quarterly report 中文 (final).txt"
printf 'this is not a ciphertext\n' > "$OBJECTS/ciphertexts/not-a-ciphertext.txt"
{
  req --arg c "$(encrypt $AES 'manifest line 1')" '{cipher_text:$c}'
  req --arg c "$(encrypt $SM4 'manifest line 2')" --arg d $SM4 '{cipher_text:$c, destination_key_id:$d}'
  req --arg c "$(datakey $AES)" --arg s $AES --arg d $SM4 '{source_key_id:$s, cipher_text:$c, destination_key_id:$d}'
  req --arg c "$(encrypt $RSA 'manifest line 4' RSAES_OAEP_SHA_256)" --arg s $RSA '{source_key_id:$s, source_encryption_algorithm:"RSAES_OAEP_SHA_256", cipher_text:$c}'
  echo
  req '{cipher_text:"AAAA"}'
  req --arg c "$(encrypt $AES 'manifest line 7' SYMMETRIC_DEFAULT 'job=7')" '{cipher_text:$c, source_additional_authenticated_data:"job=7"}'
  req --arg c "$(encrypt $AES 'manifest line 8')" --arg d $DISABLED '{cipher_text:$c, destination_key_id:$d}'
} > "$OBJECTS/manifests/rotation.jsonl"
printf '%s\r\n%s\r\n' "$(req --arg c "$(encrypt $AES 'crlf 1')" '{cipher_text:$c}')" "$(req --arg c "$(encrypt $SM4 'crlf 2')" '{cipher_text:$c}')" \
  > "$OBJECTS/manifests/windows-crlf.jsonl"

obs s3-ciphertext s3 ciphertexts/aes-data.txt
obs obs-ciphertext obs ciphertexts/sm4-data.txt
obs eventgrid-ciphertext eventgrid ciphertexts/aes-datakey.hex
obs obs-manifest obs manifests/rotation.jsonl
obs s3-manifest-crlf s3 manifests/windows-crlf.jsonl
obs encoded-key-unicode obs "ciphertexts/Quarterly report 中文 (final).txt"
obs output-location s3 reencrypted/ciphertexts/aes-data.txt
obs several-records s3 ciphertexts/sm4-data.txt ciphertexts/not-a-ciphertext.txt ciphertexts/missing.txt

# --- expected responses: what the handlers return today (review before committing) ---
for event in $(find events/apig events/obs -name '*.json' ! -name '*.expected.json' | sort); do
  objects=$(mktemp -d)
  cp -r events/objects "$objects/objects"
  run invoke --event "$event" --objects "$objects/objects" > "${event%.json}.expected.json"
  rm -rf "$objects"
done
