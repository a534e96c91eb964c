#!/usr/bin/env bash
# Checks and packages the shop integrations: lints every PHP file, runs the PHP unit tests, then
# writes installable archives to target/integrations/. Needs php-cli, phpunit and zip; downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in php phpunit zip; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build.sh: '$tool' is not installed (Debian: apt-get install php-cli phpunit php-xml php-mbstring zip)" >&2
        exit 1
    fi
done

echo "== php -l"
lint_failures=0
while IFS= read -r -d '' file; do
    if ! output=$(php -l "$file" 2>&1); then
        echo "$output" >&2
        lint_failures=$((lint_failures + 1))
    fi
done < <(find integrations -name '*.php' -type f -print0 | sort -z)
if [ "$lint_failures" -gt 0 ]; then
    echo "build.sh: $lint_failures PHP file(s) failed to lint" >&2
    exit 1
fi

echo "== phpunit"
phpunit -c integrations/tests/phpunit.xml

echo "== zip"
out="$PWD/target/integrations"
mkdir -p "$out"
package() { # <source folder holding loyaltyhub/> <archive name>
    rm -f "$out/$2"
    (cd "$1" && zip -q -r -X "$out/$2" loyaltyhub -x '*/.*' '.*')
    echo "$out/$2"
}
package integrations/wordpress loyaltyhub-wordpress.zip
package integrations/prestashop loyaltyhub-prestashop.zip
