// Plain C wrappers around libvips for Kreds' images (KredsImages is the only Swift code that
// calls them). libvips' own API is variadic and Swift cannot call variadic C functions.
#ifndef KREDS_VIPS_H
#define KREDS_VIPS_H

#include <stddef.h>

/// What an image's header says, read without decoding its pixels.
typedef struct {
  /// As displayed: after the EXIF orientation is applied.
  int width;
  int height;
  int has_alpha;
  /// Frames of an animation; 1 for a still image.
  int pages;
  /// EXIF orientation, 1 to 8 (1 when absent).
  int orientation;
  /// Set when the metadata holds a GPS position.
  int has_gps;
  /// The libvips loader that recognised the bytes, e.g. "jpegload_buffer".
  char loader[64];
} kreds_image_header;

/// KREDS_FORMAT_WEBP_LOSSLESS keeps every pixel (for PNG originals: logos, drawings, text).
typedef enum {
  KREDS_FORMAT_JPEG = 0,
  KREDS_FORMAT_PNG = 1,
  KREDS_FORMAT_WEBP = 2,
  KREDS_FORMAT_WEBP_LOSSLESS = 3
} kreds_format;

/// Starts libvips once; returns 0 on success. Untrusted loaders are blocked.
int kreds_vips_start(void);

/// Reads the header of `buffer`. Returns 0, or -1 with a message in `error`.
int kreds_image_read_header(
  const void *buffer, size_t length, kreds_image_header *header, char *error, size_t error_size);

/// Decodes `buffer` whole, orientation applied, scaled down to fit `width` (never up), or
/// cropped to exactly `width`×`crop_height` around its most interesting part when
/// `crop_height` > 0, and encodes it as `format` without any metadata. A truncated or damaged
/// image is an error. The result is freed with `kreds_image_free`. Returns 0, or -1 with a
/// message in `error`.
int kreds_image_make_variant(
  const void *buffer, size_t length, int width, int crop_height, kreds_format format,
  int quality, void **output, size_t *output_length, char *error, size_t error_size);

/// Frees a buffer returned by `kreds_image_make_variant`.
void kreds_image_free(void *output);

/// The version of the libvips loaded at run time, e.g. "8.14.1": made pictures can differ
/// between versions, so the picture cache is keyed by it.
const char *kreds_vips_version(void);

#endif
