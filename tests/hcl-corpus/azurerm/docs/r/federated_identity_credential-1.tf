resource "azurerm_resource_group" "example" {
  name     = "example"
  location = "West Europe"
}

resource "azurerm_user_assigned_identity" "example" {
  location            = azurerm_resource_group.example.location
  name                = "example"
  resource_group_name = azurerm_resource_group.example.name
}

resource "azurerm_federated_identity_credential" "example" {
  name                      = "example"
  audience                  = ["foo"]
  issuer                    = "https://foo"
  user_assigned_identity_id = azurerm_user_assigned_identity.example.id
  subject                   = "foo"
}
