// `import IDCheck` gives the whole toolkit: images, the MRZ core and the pipeline.
@_exported import IDCheckImaging
@_exported import IDCheckMRZ
@_exported import IDCheckReader
@_exported import IDCheckSpecimens
@_exported import IDCheckForensics
@_exported import IDCheckVisual
