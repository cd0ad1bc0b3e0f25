@_exported import KredsModel
