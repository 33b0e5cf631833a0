# Finds a JDK 21 or newer, exports JAVA_HOME pointing at it and puts its bin/ first on the PATH.
# Sourced by ./platform and ./run-tests; exits with a clear message when there is none.

# Prints the feature release (17, 21, 25 ...) of the JDK at $1, or nothing if $1 is not a JDK.
jdk_feature_release() {
    local home=$1 version=""
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
    if [[ -f "$home/release" ]]; then
        version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$home/release")
    fi
    if [[ -z "$version" ]]; then
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    version=${version#1.}            # Java 8 and older call themselves 1.8
    version=${version%%[!0-9]*}      # 21.0.5 -> 21, 25-ea -> 25
    echo "$version"
}

find_jdk() {
    local minimum=21 candidate release best="" best_release=0
    if [[ -n "${JAVA_HOME:-}" ]]; then
        release=$(jdk_feature_release "$JAVA_HOME")
        if [[ -n "$release" ]] && (( release >= minimum )); then
            echo "$JAVA_HOME"
            return 0
        fi
        echo "JAVA_HOME ($JAVA_HOME) is not a JDK $minimum or newer; looking in /usr/lib/jvm instead." >&2
    fi
    for candidate in /usr/lib/jvm/*; do
        release=$(jdk_feature_release "$candidate")
        if [[ -n "$release" ]] && (( release >= minimum && release > best_release )); then
            best=$candidate
            best_release=$release
        fi
    done
    [[ -n "$best" ]] && echo "$best"
}

if ! JAVA_HOME=$(find_jdk); then
    echo "This project needs a JDK 21 or newer. Set JAVA_HOME to one, or install one under /usr/lib/jvm." >&2
    exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
