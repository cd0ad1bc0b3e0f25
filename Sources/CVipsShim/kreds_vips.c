#include "kreds_vips.h"

#include <pthread.h>
#include <string.h>
#include <vips/vips.h>

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int start_result = -1;
// libvips keeps one error buffer for the process: reading and clearing it is serialised.
static pthread_mutex_t error_lock = PTHREAD_MUTEX_INITIALIZER;

static void start(void) {
  if (VIPS_INIT("kreds") != 0) return;
  // Loaders libvips marks untrusted (ImageMagick, Matlab, FITS, SVG through librsvg, …) are
  // never reached by an editor's file: Kreds reads SVG itself.
  vips_block_untrusted_set(TRUE);
  // Kreds makes many images in parallel from its own threads; libvips' operation cache only
  // keeps decoded sources alive between them.
  vips_cache_set_max(0);
  vips_concurrency_set(1);
  start_result = 0;
}

int kreds_vips_start(void) {
  pthread_once(&start_once, start);
  return start_result;
}

static void take_error(char *error, size_t error_size, const char *fallback) {
  pthread_mutex_lock(&error_lock);
  const char *message = vips_error_buffer();
  if (message == NULL || message[0] == '\0') message = fallback;
  if (error_size > 0) {
    strncpy(error, message, error_size - 1);
    error[error_size - 1] = '\0';
    // One line: libvips ends each message with a newline.
    for (char *c = error; *c; c++) {
      if (*c == '\n') {
        *c = c[1] ? ' ' : '\0';
      }
    }
  }
  vips_error_clear();
  pthread_mutex_unlock(&error_lock);
}

static void *find_gps(VipsImage *image, const char *name, GValue *value, void *unused) {
  (void)image;
  (void)value;
  (void)unused;
  // libvips names the fields of the EXIF GPS directory "exif-ifd3-…".
  if (strncmp(name, "exif-ifd3-", 10) == 0) return (void *)name;
  return NULL;
}

int kreds_image_read_header(
  const void *buffer, size_t length, kreds_image_header *header, char *error, size_t error_size) {
  memset(header, 0, sizeof *header);
  if (kreds_vips_start() != 0) {
    take_error(error, error_size, "libvips could not start");
    return -1;
  }
  const char *loader = vips_foreign_find_load_buffer(buffer, length);
  if (loader == NULL) {
    take_error(error, error_size, "not an image format libvips reads");
    return -1;
  }
  strncpy(header->loader, loader, sizeof header->loader - 1);
  VipsImage *image = vips_image_new_from_buffer(buffer, length, "", NULL);
  if (image == NULL) {
    take_error(error, error_size, "the image header cannot be read");
    return -1;
  }
  int orientation = vips_image_get_orientation(image);
  header->orientation = orientation >= 1 && orientation <= 8 ? orientation : 1;
  int swap = vips_image_get_orientation_swap(image);
  header->width = swap ? vips_image_get_height(image) : vips_image_get_width(image);
  header->height = swap ? vips_image_get_width(image) : vips_image_get_height(image);
  header->has_alpha = vips_image_hasalpha(image) ? 1 : 0;
  header->pages = vips_image_get_n_pages(image);
  header->has_gps = vips_image_map(image, find_gps, NULL) != NULL;
  g_object_unref(image);
  return 0;
}

/// A copy of `image` without any metadata: webpsave of libvips 8.14 keeps EXIF and XMP despite
/// `strip`, so every field is removed before saving, whatever the saver does.
static VipsImage *without_metadata(VipsImage *image) {
  VipsImage *copy = NULL;
  if (vips_copy(image, &copy, NULL)) return NULL;
  gchar **fields = vips_image_get_fields(copy);
  for (gchar **field = fields; field && *field; field++) {
    // Removing a built-in header field (width, bands, …) does nothing: only metadata goes.
    vips_image_remove(copy, *field);
  }
  g_strfreev(fields);
  return copy;
}

static int save(
  VipsImage *image, kreds_format format, int quality, void **output, size_t *output_length) {
  switch (format) {
  case KREDS_FORMAT_JPEG:
    return vips_jpegsave_buffer(
      image, output, output_length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
      "interlace", TRUE, NULL);
  case KREDS_FORMAT_PNG:
    return vips_pngsave_buffer(
      image, output, output_length, "strip", TRUE, "compression", 9, NULL);
  case KREDS_FORMAT_WEBP:
    return vips_webpsave_buffer(
      image, output, output_length, "Q", quality, "strip", TRUE, "effort", 4, NULL);
  case KREDS_FORMAT_WEBP_LOSSLESS:
    return vips_webpsave_buffer(
      image, output, output_length, "lossless", TRUE, "strip", TRUE, "effort", 4, NULL);
  }
  return -1;
}

int kreds_image_make_variant(
  const void *buffer, size_t length, int width, int crop_height, kreds_format format,
  int quality, void **output, size_t *output_length, char *error, size_t error_size) {
  *output = NULL;
  *output_length = 0;
  if (kreds_vips_start() != 0) {
    take_error(error, error_size, "libvips could not start");
    return -1;
  }
  VipsImage *thumbnail = NULL;
  // Thumbnail reads only what it needs (JPEG shrink-on-load), applies the orientation and
  // converts an embedded colour profile to sRGB; a truncated file fails instead of being
  // padded with grey.
  int failed =
    crop_height > 0
      ? vips_thumbnail_buffer(
          (void *)buffer, length, &thumbnail, width, "height", crop_height, "crop",
          VIPS_INTERESTING_ATTENTION, "option_string", "fail_on=truncated", NULL)
      : vips_thumbnail_buffer(
          (void *)buffer, length, &thumbnail, width, "height", VIPS_MAX_COORD, "size",
          VIPS_SIZE_DOWN, "option_string", "fail_on=truncated", NULL);
  if (failed) {
    take_error(error, error_size, "the image cannot be decoded");
    return -1;
  }
  // JPEG has no transparency: a transparent source that still gets a JPEG is put on white.
  VipsImage *opaque = thumbnail;
  if (format == KREDS_FORMAT_JPEG && vips_image_hasalpha(thumbnail)) {
    double white[] = {255, 255, 255};
    VipsArrayDouble *background = vips_array_double_new(white, 3);
    int flattening = vips_flatten(thumbnail, &opaque, "background", background, NULL);
    vips_area_unref(VIPS_AREA(background));
    if (flattening) {
      g_object_unref(thumbnail);
      take_error(error, error_size, "the image cannot be flattened");
      return -1;
    }
    g_object_unref(thumbnail);
  }
  VipsImage *bare = without_metadata(opaque);
  g_object_unref(opaque);
  if (bare == NULL) {
    take_error(error, error_size, "the image cannot be copied");
    return -1;
  }
  failed = save(bare, format, quality, output, output_length);
  g_object_unref(bare);
  if (failed) {
    take_error(error, error_size, "the image cannot be encoded");
    return -1;
  }
  return 0;
}

void kreds_image_free(void *output) { g_free(output); }

const char *kreds_vips_version(void) { return vips_version_string(); }
