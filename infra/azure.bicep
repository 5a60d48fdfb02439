// SyncHelper on Azure: App Service (Linux, Node LTS) running the bot under a user-assigned managed identity,
// an Azure Bot with the Teams channel and the OAuth connection(s) for the admin's delegated Graph sign-in,
// a Storage account for bot state reached with the identity (no keys), and Application Insights.
// Deployed by the Agents Toolkit (m365agents.yml, arm/deploy) or by hand:
//   az deployment group create -g <rg> -f infra/azure.bicep -p infra/azure.parameters.json (fill the placeholders first)
// Outputs are written to env/.env.<env> by the Toolkit.
//
// Watches ("watch directory sync", "watch provisioning for <app>", "watch licence errors") run with nobody signed
// in, so the bot reads the tenant with its OWN app-only Microsoft Graph token (scope https://graph.microsoft.com/.default):
// the bot's client secret (MultiTenant/SingleTenant) or the managed identity (MicrosoftAppType=UserAssignedMSI).
// That identity needs the APPLICATION permissions Directory.Read.All (organisation, groups, licence errors,
// enterprise apps) and Synchronization.Read.All (provisioning jobs), with admin consent. Bicep can't grant
// Microsoft Graph app roles; grant them once as in docs/admin-setup.md ("Watches"). Without them a watch can't read
// the tenant (its set-up card says so) and stays silent; everything else works.

@minLength(4)
@maxLength(20)
@description('Prefix for every resource name (letters and digits).')
param resourceBaseName string

@description('Location of the App Service, storage and monitoring resources.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest with Always On.')
param webAppSku string = 'B1'

@allowed([
  'NODE|24-lts'
  'NODE|22-lts'
])
@description('Node.js LTS runtime of the Linux App Service (CI runs the tests on Node 24 and on Node 20).')
param linuxFxVersion string = 'NODE|24-lts'

@maxLength(42)
param botDisplayName string = 'SyncHelper'

@description('Client ID of the bot\'s Entra app registration (the Teams SSO app: api://botid-{id}).')
param botAadAppClientId string

@secure()
@description('Client secret of that app registration. Stored as an App Service setting and in the OAuth connections.')
param botAadAppClientSecret string

@allowed([
  'SingleTenant'
  'MultiTenant'
])
@description('SingleTenant: only your tenant uses the bot. MultiTenant: admins of other tenants too (set allowedTenants).')
param botAppType string = 'SingleTenant'

@description('Tenant of the bot\'s app registration.')
param botTenantId string = tenant().tenantId

@description('Comma-separated tenant IDs allowed to talk to the bot (ALLOWED_TENANTS). Empty = the bot\'s own tenant; "*" = any (MultiTenant only).')
param allowedTenants string = ''

@allowed([
  'global'
  'westeurope'
  'centralindia'
])
@description('Azure Bot data residency: global, or a regional bot (westeurope = EU, centralindia = India).')
param botLocation string = 'global'

@description('Token service the bot uses for the admin\'s sign-in (OAUTH_URL). Must match botLocation: https://token.botframework.com (global), https://europe.token.botframework.com (westeurope), https://india.token.botframework.com (centralindia).')
param oauthUrl string = 'https://token.botframework.com'

@description('Name of the OAuth connection for reading (delegated, least privilege).')
param oauthConnectionName string = 'GraphConnection'

@description('Delegated Graph scopes of the read connection (space-separated). Directory.Read.All covers groups, members, organisation, licences and applications.')
param oauthScopes string = 'User.Read Directory.Read.All AuditLog.Read.All Synchronization.Read.All'

@description('Name of the optional write connection (Synchronization.ReadWrite.All, used only after the admin confirms an action). Empty = no write connection, SyncHelper never writes.')
param oauthWriteConnectionName string = ''

@minValue(5)
@maxValue(86400)
@description('How often the watcher checks the watches, in seconds (WATCH_INTERVAL_SECONDS). With several instances exactly one checks each watch per interval.')
param watchIntervalSeconds int = 300

@description('Blob container for bot state.')
param stateContainerName string = 'synchelper-state'

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var storageAccountName = take(toLower('${replace(resourceBaseName, '-', '')}${suffix}'), 24)
var aadV2ProviderId = '30dd229c-58e3-4a48-bdfd-91ec48eb906c' // "Azure Active Directory v2" service provider of Azure Bot
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: false
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // identity-based access only: no account keys anywhere
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainerName
  properties: { publicAccess: 'None' }
}

// Short-lived records carry random ids (action offers, pending write actions, SSO de-duplication), so an expired one is
// never overwritten: the storage account deletes them a few days after their last change (the app treats them as gone
// long before, from their own expiry).
resource stateCleanup 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expired-short-lived-records'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [ 'blockBlob' ]
              prefixMatch: [
                '${stateContainerName}/actionOffer/'
                '${stateContainerName}/pendingAction/'
                '${stateContainerName}/sso/'
              ]
            }
            actions: {
              baseBlob: {
                delete: { daysAfterModificationGreaterThan: 3 }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [ stateContainer ]
}

// The app's identity may read and write blobs in this account (bot state), nothing more.
resource stateAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true } // Linux
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: 'npm start'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' } // the package is built and installed before upload
        { name: 'NODE_ENV', value: 'production' }
        { name: 'MicrosoftAppId', value: botAadAppClientId }
        { name: 'MicrosoftAppPassword', value: botAadAppClientSecret }
        { name: 'MicrosoftAppTenantId', value: botTenantId }
        { name: 'MicrosoftAppType', value: botAppType }
        { name: 'ALLOWED_TENANTS', value: empty(allowedTenants) ? botTenantId : allowedTenants }
        { name: 'OAUTH_URL', value: oauthUrl }
        { name: 'OAUTH_CONNECTION_NAME', value: oauthConnectionName }
        { name: 'OAUTH_WRITE_CONNECTION_NAME', value: oauthWriteConnectionName }
        { name: 'WATCH_INTERVAL_SECONDS', value: string(watchIntervalSeconds) } // app-only Graph: Directory.Read.All, Synchronization.Read.All (see the header)
        { name: 'STORAGE', value: 'blob' }
        // Endpoint only, no key: the app signs in to Storage as the managed identity named by AZURE_CLIENT_ID.
        { name: 'BLOB_CONNECTION_STRING', value: 'BlobEndpoint=${storage.properties.primaryEndpoints.blob}' }
        { name: 'BLOB_CONTAINER', value: stateContainerName }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
      ]
    }
  }
  dependsOn: [
    stateAccess
    stateContainer
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: botLocation
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: botAppType
    msaAppTenantId: botTenantId
    developerAppInsightKey: appInsights.properties.InstrumentationKey
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: botLocation
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// Delegated Graph sign-in for the checks (Teams SSO exchanges its token through api://botid-{id}).
resource readConnection 'Microsoft.BotService/botServices/connections@2022-09-15' = {
  parent: bot
  name: oauthConnectionName
  location: botLocation
  properties: {
    serviceProviderDisplayName: 'Azure Active Directory v2'
    serviceProviderId: aadV2ProviderId
    clientId: botAadAppClientId
    clientSecret: botAadAppClientSecret
    scopes: oauthScopes
    parameters: [
      { key: 'tenantID', value: botAppType == 'SingleTenant' ? botTenantId : 'common' }
      { key: 'tokenExchangeUrl', value: 'api://botid-${botAadAppClientId}' }
    ]
  }
}

// Optional: the write scope lives in its own connection, asked for only after the admin confirms an action.
resource writeConnection 'Microsoft.BotService/botServices/connections@2022-09-15' = if (!empty(oauthWriteConnectionName)) {
  parent: bot
  name: empty(oauthWriteConnectionName) ? 'unused' : oauthWriteConnectionName
  location: botLocation
  properties: {
    serviceProviderDisplayName: 'Azure Active Directory v2'
    serviceProviderId: aadV2ProviderId
    clientId: botAadAppClientId
    clientSecret: botAadAppClientSecret
    scopes: 'Synchronization.ReadWrite.All'
    parameters: [
      { key: 'tenantID', value: botAppType == 'SingleTenant' ? botTenantId : 'common' }
      { key: 'tokenExchangeUrl', value: 'api://botid-${botAadAppClientId}' }
    ]
  }
}

// Written to env/.env.<env> by the Toolkit.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName

output APP_INSIGHTS_NAME string = appInsights.name
output STORAGE_ACCOUNT_NAME string = storage.name
