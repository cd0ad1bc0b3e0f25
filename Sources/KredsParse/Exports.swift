// The shared vocabulary (and through it KredsModel) is part of what parsing hands on.
@_exported import KredsShared
