// Debian's libvips (libvips-dev), found with pkg-config. Only CVipsShim includes it: Swift
// sees the shim's plain C functions, never glib's or libvips' types.
#include <vips/vips.h>
