#ifndef CASPIAN_CGDAL_SHIM_H
#define CASPIAN_CGDAL_SHIM_H
// The C API of GDAL/OGR only (no C++ headers): rasters, vectors, spatial references, the
// command-line utilities as functions (GDALWarp, GDALVectorTranslate) and the error handler.
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#endif
