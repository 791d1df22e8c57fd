# Sourced by the project's scripts: where the project's own tools live, and PATH for them.
export CLAIMLENS_TOOLS=${CLAIMLENS_TOOLS:-$HOME/.cache/claimlens-tools}
export PATH="$CLAIMLENS_TOOLS/cargo/bin:$CLAIMLENS_TOOLS/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export NODE_TOOLS="$CLAIMLENS_TOOLS/node/node_modules"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
