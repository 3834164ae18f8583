import FuzzSupport

FuzzDriver.main(.glossary)
