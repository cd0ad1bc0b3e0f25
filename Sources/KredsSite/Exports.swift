// The steps below Resolve, and through them the vocabulary and KredsModel, for every user of
// KredsSite.
@_exported import KredsParse
