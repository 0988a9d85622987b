#ifndef CASPIAN_CPROJ_SHIM_H
#define CASPIAN_CPROJ_SHIM_H
#include <proj.h>
// Karney's geodesic algorithms (GeographicLib C), shipped with PROJ.
#include <geodesic.h>
#endif
