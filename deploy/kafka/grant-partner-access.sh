#!/bin/bash
# One-shot set-up of partner access to the compose Kafka cluster (docs/partner-kafka-access.md):
#   - SCRAM-SHA-512 credentials for the platform administrator and for each partner;
#   - for each partner, READ and DESCRIBE on exactly the topics in public-topics.txt, and READ and
#     DESCRIBE on consumer groups whose name starts with "<partner>-". Nothing else: with
#     allow.everyone.if.no.acl.found=false, whatever is not granted here is denied.
# It talks to the brokers over the INTERNAL listener, whose (anonymous) identity is a super user.
# Safe to run again: credentials are overwritten and existing ACLs are kept as they are.
#
#   PARTNERS="partner-demo:secret other-partner:secret2" grant-partner-access.sh
set -euo pipefail

bootstrap=${KAFKA_BOOTSTRAP_SERVERS:-kafka-1:9092}
bin=${KAFKA_BIN:-/opt/kafka/bin}
topics_file=${PUBLIC_TOPICS_FILE:-$(dirname "$0")/public-topics.txt}
: "${KAFKA_ADMIN_PASSWORD:?Set KAFKA_ADMIN_PASSWORD}"
: "${PARTNERS:?Set PARTNERS to space-separated name:password pairs}"

set_scram_password() {
    "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name "$1" \
        --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}

# Blank lines and # comments are skipped; each other line is one topic name.
topics=()
topic_arguments=()
while read -r topic; do
    topics+=("$topic")
    topic_arguments+=(--topic "$topic")
done < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$topics_file" | grep -v '^$')
if [[ ${#topics[@]} -eq 0 ]]; then
    echo "No topics in $topics_file" >&2
    exit 1
fi

set_scram_password platform-admin "$KAFKA_ADMIN_PASSWORD"

for partner in $PARTNERS; do
    name=${partner%%:*}
    password=${partner#*:}
    set_scram_password "$name" "$password"
    "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$name" \
        --operation Read --operation Describe "${topic_arguments[@]}"
    "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$name" \
        --operation Read --operation Describe --resource-pattern-type prefixed --group "$name-"
    echo "Partner $name may read ${topics[*]} and use consumer groups $name-*"
done
