import FuzzSupport

FuzzDriver.main(.canvas)
