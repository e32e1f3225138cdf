#!/bin/sh
# Prints the build-time message and the architecture the image was built for.
printf 'message: %s\narch: %s\n' "$(cat /app/message)" "$(cat /app/arch)"
